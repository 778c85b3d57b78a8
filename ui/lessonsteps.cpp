#include "lessonsteps.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace mtlab {

namespace {

constexpr const char *Context = "LessonSteps";
constexpr const char *IoPart = QT_TRANSLATE_NOOP("LessonSteps", "I/O-bound: downloading");
constexpr const char *CpuPart = QT_TRANSLATE_NOOP("LessonSteps", "CPU-bound: computing");
constexpr const char *MechanismPart = QT_TRANSLATE_NOOP("LessonSteps", "How it works inside");

// The article's order: the four strategies on downloads, the three that matter on computing,
// then the mechanisms behind the results. The Python is written for this lesson: it does what the
// article's code does (URL is the lab's page), cut to what the step is about.
const std::array Steps{
    LessonStep{
        .id = "io-sync",
        .preset = "io-sync",
        .part = IoPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "Downloads, one at a time"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "We download the same page 100 times, one after another, with one session. Each "
            "request waits for the server's answer before the next one is sent, so the program "
            "spends nearly all its time waiting, not computing. Look at the one row: long waits, "
            "almost no CPU."),
        .why = QT_TRANSLATE_NOOP("LessonSteps",
                                 "one worker waits out every answer before asking for the next"),
        .code = R"(import requests

def download_all(urls):
    with requests.Session() as session:
        for url in urls:
            with session.get(url) as response:
                response.content

download_all([URL] * 100))",
        .guess = LessonStep::Guess::WallTime,
    },
    LessonStep{
        .id = "io-threads",
        .preset = "io-threads",
        .part = IoPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "Downloads in a thread pool"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "Five threads share the 100 downloads, so five requests wait at the same time. A "
            "requests.Session is not thread-safe, so each thread keeps its own in thread-local "
            "storage and reuses it. The operating system switches between the threads whenever "
            "it likes: preemptive multitasking."),
        .why = QT_TRANSLATE_NOOP("LessonSteps", "five threads overlap their waiting"),
        .code = R"(import threading, requests
from concurrent.futures import ThreadPoolExecutor

local = threading.local()

def get_session():
    if not hasattr(local, "session"):
        local.session = requests.Session()
    return local.session

def download(url):
    with get_session().get(url) as response:
        response.content

with ThreadPoolExecutor(max_workers=5) as pool:
    pool.map(download, [URL] * 100))",
        .guess = LessonStep::Guess::WallTimeOrSync,
    },
    LessonStep{
        .id = "io-async",
        .preset = "io-async",
        .part = IoPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "Downloads with asyncio"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "One thread and an event loop: at each await a download gives control back to the "
            "loop, which starts the next one meanwhile. All 100 requests wait together, and one "
            "shared session is safe because only one task runs at a time: cooperative "
            "multitasking."),
        .why = QT_TRANSLATE_NOOP("LessonSteps",
                                 "one thread sends every request and the loop waits for all of them at once"),
        .code = R"(import asyncio, aiohttp

async def download(session, url):
    async with session.get(url) as response:
        await response.read()

async def download_all(urls):
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(download(session, u) for u in urls))

asyncio.run(download_all([URL] * 100)))",
        .guess = LessonStep::Guess::WallTimeOrSync,
    },
    LessonStep{
        .id = "io-processes",
        .preset = "io-processes",
        .part = IoPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "Downloads in a process pool"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "multiprocessing.Pool starts one Python process per CPU; the initializer gives each "
            "its own session. A process is expensive to start, and its results come back "
            "pickled. For downloads the processes only wait side by side, as threads do, at a "
            "higher price."),
        .why = QT_TRANSLATE_NOOP("LessonSteps",
                                 "each process pays to start, then waits for its own share of the downloads"),
        .code = R"(import multiprocessing, requests

session = None

def set_global_session():
    global session
    session = requests.Session()

def download(url):
    with session.get(url) as response:
        response.content

with multiprocessing.Pool(initializer=set_global_session) as pool:
    pool.map(download, [URL] * 100))",
        .guess = LessonStep::Guess::WallTimeOrSync,
    },
    LessonStep{
        .id = "cpu-sync",
        .preset = "cpu-sync",
        .part = CpuPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "Computing, one at a time"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "Now the work is computing: the sum of the squares below about five million, for 20 "
            "numbers. There is nothing to wait for, so the one row is all CPU, and the time is "
            "the sum of the 20 tasks."),
        .why = QT_TRANSLATE_NOOP("LessonSteps", "one core computes the 20 sums back to back"),
        .code = R"(def cpu_bound(number):
    return sum(i * i for i in range(number))

def find_sums(numbers):
    for number in numbers:
        cpu_bound(number)

find_sums([5_000_000 + x for x in range(20)]))",
        .guess = LessonStep::Guess::WallTime,
    },
    LessonStep{
        .id = "cpu-threads-gil",
        .preset = "cpu-threads-gil",
        .part = CpuPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "Computing in threads: the interpreter lock"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "The same sums in a pool of five threads. In CPython only the thread holding the "
            "interpreter lock (the GIL) runs Python code; the others wait for it, however many "
            "cores there are. Look for the lock-wait bars: threads do not speed up computing."),
        .why = QT_TRANSLATE_NOOP("LessonSteps",
                                 "the interpreter lock lets only one thread compute at a time"),
        .code = R"(from concurrent.futures import ThreadPoolExecutor

def find_sums(numbers):
    with ThreadPoolExecutor(max_workers=5) as pool:
        pool.map(cpu_bound, numbers))",
        .guess = LessonStep::Guess::WallTimeOrSync,
    },
    LessonStep{
        .id = "cpu-processes",
        .preset = "cpu-processes",
        .part = CpuPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "Computing in a process pool"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "Each process has its own interpreter and its own lock, so the sums really run at "
            "once, one per core: parallelism. Starting the processes costs a little, which long "
            "work pays back. The article's rule of thumb: CPU-bound work goes to processes."),
        .why = QT_TRANSLATE_NOOP("LessonSteps", "every core computes its own share in its own process"),
        .code = R"(import multiprocessing

def find_sums(numbers):
    with multiprocessing.Pool() as pool:
        pool.map(cpu_bound, numbers))",
        .guess = LessonStep::Guess::WallTimeOrSync,
    },
    LessonStep{
        .id = "replay",
        .preset = "io-async",
        .part = MechanismPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "Inside the event loop: a replay"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "Run the asyncio downloads again, then replay them slowly beside the timeline (Space "
            "plays, ← and → step). The loop keeps a ready list, tasks that can run now, and a "
            "waiting list, tasks parked at an await. An answer moves its task from waiting to "
            "ready, and the loop runs one ready task at a time."),
        .why = QT_TRANSLATE_NOOP("LessonSteps",
                                 "the loop runs one ready task at a time while the others wait"),
        .code = R"(import asyncio

async def task(i):
    print("running", i)        # until its first await
    await asyncio.sleep(0.1)   # waiting: the loop runs others
    print("ready again", i)    # resumed when the loop gets to it

async def main():
    await asyncio.gather(*(task(i) for i in range(5)))

asyncio.run(main()))",
    },
    LessonStep{
        .id = "hog",
        .preset = "io-async-hog",
        .part = MechanismPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "A task that never yields"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "One of the 20 async tasks computes for half a second without a single await. The "
            "loop cannot take control back, so the others' answers, long arrived, wait until the "
            "hog is done. Cooperative multitasking works only if every task cooperates."),
        .why = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "a task without an await keeps the loop's only thread, and the others wait for it"),
        .code = R"(import asyncio, time

async def hog():
    end = time.perf_counter() + 0.5
    while time.perf_counter() < end:
        pass                   # no await: the loop is stuck here

async def main(session):
    downloads = [download(session, URL) for _ in range(19)]
    await asyncio.gather(hog(), *downloads))",
        .guess = LessonStep::Guess::WallTime,
    },
    LessonStep{
        .id = "hog-sliced",
        .preset = "io-async-hog-sliced",
        .part = MechanismPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "Yielding in slices"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "The same half second of computing, but the task awaits every 10 ms. Each await lets "
            "the loop hand the arrived answers to their tasks, so they finish early instead of "
            "waiting for the whole computation."),
        .why = QT_TRANSLATE_NOOP("LessonSteps",
                                 "an await every 10 ms lets the loop serve the other tasks between slices"),
        .code = R"(async def hog():
    for _ in range(50):
        end = time.perf_counter() + 0.01
        while time.perf_counter() < end:
            pass
        await asyncio.sleep(0)  # let the loop run the others)",
        .guess = LessonStep::Guess::WallTime,
    },
    LessonStep{
        .id = "race",
        .preset = "counter-threads",
        .part = MechanismPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "A race: threads share a counter"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "Five threads each add 1 to one shared counter 10,000 times. counter += 1 reads, adds "
            "and writes back, and the operating system may switch threads in between, so one "
            "thread overwrites another's update. Compare the final count with 50,000."),
        .why = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "a thread can be switched between reading and writing the counter, so updates are lost"),
        .code = R"(import threading

counter = 0

def add(n):
    global counter
    for _ in range(n):
        counter += 1           # read, add, write: not atomic

threads = [threading.Thread(target=add, args=(10_000,)) for _ in range(5)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)                 # often less than 50000)",
    },
    LessonStep{
        .id = "lock",
        .preset = "counter-threads-lock",
        .part = MechanismPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "A lock"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "The same threads, but each update holds a lock, so only one thread at a time reads "
            "and writes the counter. No update is lost; the price is waiting for the lock, the "
            "lock-wait bars."),
        .why = QT_TRANSLATE_NOOP(
            "LessonSteps", "the lock lets one thread in at a time: nothing is lost, but the others wait"),
        .code = R"(lock = threading.Lock()

def add(n):
    global counter
    for _ in range(n):
        with lock:             # one thread at a time
            counter += 1)",
    },
    LessonStep{
        .id = "oversubscribed",
        .preset = "cpu-threads",
        .part = MechanismPart,
        .title = QT_TRANSLATE_NOOP("LessonSteps", "More workers than cores"),
        .text = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "Five threads without an interpreter lock (C++ threads, or a free-threaded Python) "
            "compute in parallel, but only as many at once as the machine has cores. The others "
            "are ready and wait for a core: the ready bars. Workers beyond the number of cores "
            "make nothing faster."),
        .why = QT_TRANSLATE_NOOP(
            "LessonSteps",
            "only as many threads compute at once as there are cores; the others wait for one"),
        .code = R"(import os
from concurrent.futures import ThreadPoolExecutor

print(os.cpu_count())          # how many compute at once

# free-threaded Python (3.13t, no GIL): threads run in parallel
with ThreadPoolExecutor(max_workers=5) as pool:
    pool.map(cpu_bound, numbers))",
        .guess = LessonStep::Guess::WallTimeOrSync,
    },
};

QString translated(const char *text)
{
    return QCoreApplication::translate(Context, text);
}

} // namespace

QString LessonStep::shownPart() const
{
    return translated(part);
}

QString LessonStep::shownTitle() const
{
    return translated(title);
}

QString LessonStep::shownText() const
{
    return translated(text);
}

QString LessonStep::shownWhy() const
{
    return translated(why);
}

bool LessonStep::accepts(Prediction::Kind kind) const
{
    switch (kind) {
    case Prediction::Kind::None:
        return true;
    case Prediction::Kind::WallTime:
        return guess != Guess::None;
    case Prediction::Kind::Faster:
    case Prediction::Kind::Same:
    case Prediction::Kind::Slower:
        return guess == Guess::WallTimeOrSync;
    }
    return false;
}

std::span<const LessonStep> lessonSteps()
{
    return Steps;
}

const LessonStep *findLessonStep(const QString &id)
{
    const auto found = std::find_if(Steps.begin(), Steps.end(),
                                    [&](const LessonStep &step) { return id == QLatin1String(step.id); });
    return found == Steps.end() ? nullptr : &*found;
}

int lessonStepIndex(const QString &numberOrId)
{
    bool isNumber = false;
    const int number = numberOrId.toInt(&isNumber);
    if (isNumber)
        return number >= 1 && number <= static_cast<int>(Steps.size()) ? number - 1 : -1;
    const LessonStep *step = findLessonStep(numberOrId);
    return step ? static_cast<int>(step - Steps.data()) : -1;
}

} // namespace mtlab
