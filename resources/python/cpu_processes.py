# The article's sums of squares in a multiprocessing Pool, one process (and one interpreter lock)
# per CPU. Its code, n and the count from --n and --tasks and the tracer's lines (marked).
import multiprocessing
import os
import time

import tracer  # traced


@tracer.task  # traced
def cpu_bound(number):
    return sum(i * i for i in range(number))


def find_sums(numbers):
    with multiprocessing.Pool() as pool:
        pool.map(cpu_bound, numbers)


if __name__ == "__main__":
    args = tracer.begin('cpu', 'processes', workers=os.cpu_count())  # traced: --n, --tasks, --trace
    numbers = [args.n + x for x in range(args.tasks)]

    start = time.time()
    find_sums(numbers)
    duration = time.time() - start
    print(f"Duration {duration} seconds")
    tracer.end()  # traced
