# The article's asyncio downloads: aiohttp, one shared ClientSession, all tasks at once with
# gather(). Its code (typos and all), the page from --url and the tracer's lines (marked). As in the
# article, a task reads the response's head and its Content-Length, not the body.
import asyncio
import time
import aiohttp

import tracer  # traced


@tracer.task  # traced
async def downlaod_site(session, url):
    async with session.get(url) as response:
        print("Read {0} from {1}".format(response.content_length, url))
        return response.content_length  # traced: the task's result


async def download_all_sites(sites):
    async with aiohttp.ClientSession() as session:
        tasks = []
        for url in sites:
            task = asyncio.ensure_future(downlaod_site(session, url))
            tasks.append(task)
        await asyncio.gather(*tasks, return_exceptions=True)


if __name__ == "__main__":
    args = tracer.begin('io', 'async')  # traced: --url, --tasks, --trace
    sites = [args.url] * args.tasks
    start_time = time.time()
    asyncio.get_event_loop().run_until_complete(download_all_sites(sites))
    duration = time.time() - start_time
    print(f"Download {len(sites)} sites in {duration} seconds")
    tracer.end()  # traced
