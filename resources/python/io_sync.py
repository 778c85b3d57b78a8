# The article's synchronous downloads, with requests and one Session. Its code (typos and all), the
# page from --url (Multitask Lab's embedded server) and three lines for the tracer (marked).
import requests
import time

import tracer  # traced


@tracer.task  # traced
def download_site(url, session):
    with session.get(url) as response:
        print(f'Read {len(response.content)} from {url}')
        return len(response.content)  # traced: the task's result


def downlaod_all_sites(sites):
    with requests.Session() as session:
        for url in sites:
            download_site(url, session)


if __name__ == '__main__':
    args = tracer.begin('io', 'sync')  # traced: --url, --tasks, --trace
    sites = [args.url] * args.tasks
    start_time = time.time()
    downlaod_all_sites(sites)
    duration = time.time() - start_time
    print(f'Download  {len(sites)} in {duration} seconds')
    tracer.end()  # traced
