# The article's threaded downloads: a ThreadPoolExecutor of 5, one requests.Session per thread in
# thread-local storage. Its code (typos and all), the page from --url and the tracer's lines (marked).
import concurrent.futures
import requests
import threading
import time

import tracer  # traced

thread_local = threading.local()


def get_session():
    if not hasattr(thread_local, "session"):
        thread_local.session = requests.Session()
    return thread_local.session


@tracer.task  # traced
def download_stie(url):
    session = get_session()
    with session.get(url) as response:
        print(f'Read {len(response.content)} from {url}')
        return len(response.content)  # traced: the task's result


def downlaod_all_sites(sites):
    with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
        executor.map(download_stie, sites)


if __name__ == '__main__':
    args = tracer.begin('io', 'threads', workers=5)  # traced: --url, --tasks, --trace
    sites = [args.url] * args.tasks
    start_time = time.time()
    downlaod_all_sites(sites)
    duration = time.time() - start_time
    print(f'Download  {len(sites)} in {duration} seconds')
    tracer.end()  # traced
