# The article's multiprocessing downloads: a Pool of one process per CPU, a requests.Session per
# process made by the pool's initializer. Its code, the page from --url and the tracer's lines (marked).
import requests
import multiprocessing
import os
import time

import tracer  # traced

session = None


def set_global_session():
    global session
    if not session:
        session = requests.Session()


@tracer.task  # traced
def download_site(url):
    with session.get(url) as response:
        name = multiprocessing.current_process().name
        print(f'{name}:Read {len(response.content)} from {url}')
        return len(response.content)  # traced: the task's result


def download_all_sites(sites):
    with multiprocessing.Pool(initializer=set_global_session) as pool:
        pool.map(download_site, sites)


if __name__ == '__main__':
    args = tracer.begin('io', 'processes', workers=os.cpu_count())  # traced: --url, --tasks, --trace
    sites = [args.url] * args.tasks
    start = time.time()
    download_all_sites(sites)
    duration = time.time() - start
    print(f"Download {len(sites)} in {duration} seconds")
    tracer.end()  # traced
