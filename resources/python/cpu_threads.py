# The article's sums of squares in a ThreadPoolExecutor of 5: no faster than one thread, since only
# the thread holding the interpreter lock runs Python code. Its code, n and the count from --n and
# --tasks and the tracer's lines (marked).
import concurrent.futures
import time

import tracer  # traced


@tracer.task  # traced
def cpu_bound(number):
    return sum(i * i for i in range(number))


def find_sums(numbers):
    with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
        executor.map(cpu_bound, numbers)


if __name__ == "__main__":
    args = tracer.begin('cpu', 'threads', workers=5)  # traced: --n, --tasks, --trace
    numbers = [args.n + x for x in range(args.tasks)]
    start = time.time()
    find_sums(numbers)
    duration = time.time() - start
    print(f'Duration {duration} seconds')
    tracer.end()  # traced
