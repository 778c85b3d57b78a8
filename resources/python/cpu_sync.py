# The article's synchronous sums of squares. Its code, n and the count from --n and --tasks
# (5,000,000 and 20, as in the article) and the tracer's lines (marked).
import time

import tracer  # traced


@tracer.task  # traced
def cpu_bound(number):
    return sum(i * i for i in range(number))


def find_sums(numbers):
    for number in numbers:
        cpu_bound(number)


if __name__ == "__main__":
    args = tracer.begin('cpu', 'sync')  # traced: --n, --tasks, --trace
    numbers = [args.n + x for x in range(args.tasks)]
    start = time.time()
    find_sums(numbers)
    duration = time.time() - start
    print(f'Duration {duration} seconds')
    tracer.end()  # traced
