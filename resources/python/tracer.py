"""When each task of the article's programs computed and when it waited, in Multitask Lab's trace.

The article's programs import this module and add a few lines: `@tracer.task` on the function
one task runs, `tracer.begin(...)` before the timed part and `tracer.end()` after it. With
`--trace FILE` they write the Chrome trace JSON that Multitask Lab writes itself
(core/export/chrometrace.cpp): one X event per span named by the lab's states, one tid per lane,
lanes named and kinded as the lab's, so the lab shows a Python run like one of its own. Without
--trace nothing is recorded and the programs run as the article wrote them. Standard library only.

Computing is told from waiting by the thread's CPU clock, which only advances while the thread
runs on a core. A sampler thread reads every busy thread's CPU clock against the wall clock about
once a millisecond; in each interval the CPU time is `cpu` and the rest is waiting: for CPU work
in threads that is the interpreter lock (`lock-wait`: the thread is runnable but CPython lets
one thread run Python code at a time), for CPU work alone in its process a core (`ready`), for
downloads the network (`io-wait`, its phase guessed from where the thread waits). The sampler
needs the interpreter lock itself, so under CPU work it samples at lock hand-overs (every 5 ms,
sys.getswitchinterval()). asyncio tasks need no sampler: the event loop runs a task by calling
its coroutine's send(), and each call is timed exactly.
"""

import argparse
import asyncio
import collections.abc
import functools
import inspect
import json
import os
import shutil
import sys
import tempfile
import threading
import time

_clock = time.monotonic_ns  # one clock for every process of the machine
_SAMPLE_S = 0.001
_MIN_NS = 20_000  # shorter pieces of an interval are clock noise, folded into their neighbour

# Where a waiting thread is, by the names of the functions on its stack (requests/http.client and
# aiohttp/asyncio), as the lab's I/O phases; checked in this order, innermost frame first.
_PHASES = (
    ('dns', {'getaddrinfo', '_resolve_host', 'resolve'}),
    ('connect', {'create_connection', '_create_connection', '_create_direct_connection',
                 '_new_conn', 'sock_connect', 'connect'}),
    ('wait', {'_read_status', 'begin', 'getresponse', 'start'}),
    ('transfer', {'_safe_read', 'read', 'readinto', 'iter_content', 'stream', 'content'}),
)


def _phase_of(names):
    for phase, known in _PHASES:
        if any(name in known for name in names):
            return phase
    return 'wait'


def _frame_names(frame, limit=40):
    names = []
    while frame is not None and len(names) < limit:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names


def _await_names(coro, limit=40):
    names = []
    while coro is not None and len(names) < limit:
        code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
        if code is None:
            break
        names.append(code.co_name)
        coro = getattr(coro, 'cr_await', None) or getattr(coro, 'gi_yieldfrom', None)
    names.reverse()  # innermost first, as a thread's stack is read
    return names


class _Lane:
    """One row of the timeline: a thread, the event loop, an asyncio task's slot."""

    def __init__(self, kind, name='', clock=None):
        self.kind = kind
        self.name = name
        self.clock = clock      # the thread's CPU clock, for the sampler
        self.ident = None       # the thread, for its stack
        self.os_tid = threading.get_native_id()
        self.spans = []         # (begin, end, state, task, phase)
        self.first = None       # when its first task began
        self.task = -1          # the task it runs
        self.last = None        # (wall, cpu) at its last sample
        self.state = 'cpu'      # what it did at the end of the last interval


class _Recorder:
    """What one process records; worker processes hand theirs over in a file, task by task."""

    def __init__(self, workload, strategy, wait_state, folder, child):
        self.workload = workload
        self.strategy = strategy
        self.wait_state = wait_state
        self.folder = folder
        self.child = child
        self.pid = os.getpid()
        self.start = _clock()
        self.lock = threading.Lock()
        self.lanes = {}         # thread ident -> _Lane
        self.busy = set()       # lanes with a task running, for the sampler
        self.tasks = []         # [local id, begin, end, ok, result, error, cpu ns]
        self.sampler = None
        self.stop = threading.Event()
        self.loop = None        # asyncio: the loop's lane and its task slots
        self.slots = []
        self.free_slots = []
        self.loop_cpu_end = None  # (wall, cpu) at the end of the last step

    def thread_lane(self):
        ident = threading.get_ident()
        lane = self.lanes.get(ident)
        if lane is None:
            lane = _Lane('main-thread' if self.strategy == 'sync' else 'pool-thread',
                         clock=time.pthread_getcpuclockid(ident))
            lane.ident = ident
            self.lanes[ident] = lane
        if self.sampler is None:
            self.sampler = threading.Thread(target=self._sample, name='tracer', daemon=True)
            self.sampler.start()
        return lane

    def _sample(self):
        while not self.stop.wait(_SAMPLE_S):
            with self.lock:
                self.sweep(_clock())

    def sweep(self, now, running=None):
        """Lays out every busy thread's time since its last sample, up to now (hold the lock)."""
        frames = sys._current_frames() if self.workload == 'io' else {}
        readings = []
        for lane in self.busy:
            try:
                cpu = time.clock_gettime_ns(lane.clock)
            except OSError:  # the thread has just ended
                continue
            phase = _phase_of(_frame_names(frames.get(lane.ident))) if frames else ''
            readings.append((lane, cpu, phase))
        _lay_out(readings, now, self.wait_state, running)

    def new_task(self, begin):
        with self.lock:
            local = len(self.tasks)
            self.tasks.append([local, begin, None, True, None, '', 0])
        return local

    def finish_task(self, local, end, ok, result, error, cpu_ns):
        record = self.tasks[local]
        record[2:] = [end, ok, result, error, cpu_ns]
        if self.child:
            self._hand_over(local)

    def _hand_over(self, local):
        spans = [s for lane in self.lanes.values() for s in lane.spans if s[3] == local]
        line = json.dumps({'pid': self.pid, 'start': self.start, 'spans': spans, 'task': self.tasks[local]})
        with open(os.path.join(self.folder, f'{self.pid}.jsonl'), 'a', encoding='utf-8') as out:
            out.write(line + '\n')


_recorder = None


def _add(lane, begin, end, state, phase=''):
    """Appends a span to the lane, merged with the one before it when that is the same."""
    if end <= begin:
        return
    phase = phase if state == 'io-wait' else ''
    spans = lane.spans
    if spans and spans[-1][1] == begin and spans[-1][2] == state and spans[-1][4] == phase:
        spans[-1] = (spans[-1][0], end, state, lane.task, phase)
    else:
        spans.append((begin, end, state, lane.task, phase))


def _cpu_in(lane, cpu, now):
    """The lane's CPU time since its last sample, short pieces folded: (since, computing)."""
    since, cpu_then = lane.last
    wall = now - since
    computing = min(max(cpu - cpu_then, 0), max(wall, 0))
    if computing < _MIN_NS:
        computing = 0
    elif wall - computing < _MIN_NS:
        computing = wall
    lane.last = (now, cpu)
    return since, computing


def _lay_out(readings, now, wait_state, running=None):
    """Each busy thread's interval since its last sample: its CPU time computing, the rest waiting.
    Where in the interval it computed is not known. The threads of one process take turns on the
    interpreter lock, so their computing is laid end to end: first the thread that was computing
    (it held the lock), then the others in the order they began, as late as the turns allow (a
    thread that was waiting computes at the end), and last the thread that runs now, if it is one
    of them. What the clocks add up to beyond the interval is the lock's hand-over, in which two
    threads both run for a few microseconds: their computing is shortened to fit."""
    pieces = [(lane, phase) + _cpu_in(lane, cpu, now) for lane, cpu, phase in readings]
    pieces.sort(key=lambda p: (p[0] is running, p[0].state != 'cpu', p[2]))
    total = sum(p[3] for p in pieces)
    room = now - min((p[2] for p in pieces), default=now)
    if total > room > 0:
        pieces = [(lane, phase, since, computing * room // total) for lane, phase, since, computing in pieces]
        total = sum(p[3] for p in pieces)
    first = pieces[0] if pieces else None
    cursor = first[2] if first and first[0].state == 'cpu' else now - total
    for lane, phase, since, computing in pieces:
        start = max(cursor, since)
        if start + computing > now:
            start = now - computing
        _add(lane, since, start, wait_state, phase)
        _add(lane, start, start + computing, 'cpu')
        _add(lane, start + computing, now, wait_state, phase)
        cursor = start + computing
        lane.state = 'cpu' if computing and cursor == now else wait_state


def _describe(error):
    return f'{type(error).__name__}: {error}' if str(error) else type(error).__name__


def _run_traced(function, args, kwargs):
    rec = _recorder
    lane = rec.thread_lane()
    begin, cpu_begin = _clock(), time.thread_time_ns()
    local = rec.new_task(begin)
    if lane.first is None:
        lane.first = begin
    with rec.lock:
        rec.sweep(begin, lane)  # the others waited while this one began
        lane.task, lane.last, lane.state = local, (begin, cpu_begin), 'cpu'
        rec.busy.add(lane)
    ok, result, error = True, None, ''
    try:
        result = function(*args, **kwargs)
        return result
    except BaseException as e:
        ok, error = False, _describe(e)
        raise
    finally:
        end, cpu_end = _clock(), time.thread_time_ns()
        with rec.lock:
            rec.sweep(end, lane)  # this one runs now: it computes last
            rec.busy.discard(lane)
        if not ok:
            lane.spans.append((end, end, 'failed', local, ''))
        rec.finish_task(local, end, ok, result, error, cpu_end - cpu_begin)


class _TracedCoroutine(collections.abc.Coroutine):
    """An asyncio task's coroutine, each of its steps timed: the loop calls send() to run one."""

    def __init__(self, coro):
        rec = _recorder
        self._coro = coro
        self._created = _clock()
        self._local = rec.new_task(self._created)
        self._slot = rec.free_slots.pop(0) if rec.free_slots else len(rec.slots)
        if self._slot == len(rec.slots):
            rec.slots.append(_Lane('async-task', f'task slot {self._slot + 1}'))
        self._lane = rec.slots[self._slot]
        self._waiting = None   # (since, phase) after a step that awaits
        self._woken = None     # when what it awaited was done: it is ready from then
        self._cpu = 0

    def send(self, value):
        return self._step(self._coro.send, value)

    def throw(self, *args):
        return self._step(self._coro.throw, *args)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def _wake(self, _future=None):
        if self._woken is None:
            self._woken = _clock()

    def _step(self, call, *args):
        rec = _recorder
        begin, cpu_begin = _clock(), time.thread_time_ns()
        self._before(rec, begin, cpu_begin)
        try:
            awaited = call(*args)
        except StopIteration as stop:
            self._after(rec, begin, cpu_begin)
            self._finish(rec, True, stop.value, '')
            raise
        except BaseException as e:
            self._after(rec, begin, cpu_begin)
            self._finish(rec, False, None, _describe(e))
            raise
        self._after(rec, begin, cpu_begin)
        self._waiting = (rec.loop_cpu_end[0], _phase_of(_await_names(self._coro)))
        self._woken = None
        if awaited is None:  # a bare yield (asyncio.sleep(0)): ready again at once
            self._wake()
        else:
            awaited.add_done_callback(self._wake)
        return awaited

    def _before(self, rec, begin, cpu_begin):
        spans = self._lane.spans
        if self._waiting is None:
            spans.append((self._created, begin, 'ready', self._local, ''))
        else:
            since, phase = self._waiting
            woken = min(max(self._woken or begin, since), begin)
            spans.append((since, woken, 'io-wait', self._local, phase))
            spans.append((woken, begin, 'ready', self._local, ''))
        # The loop's own work since the last step (its selector, the protocols' callbacks): placed
        # just before this step, which it led to.
        if rec.loop_cpu_end is not None:
            own = cpu_begin - rec.loop_cpu_end[1]
            if own >= _MIN_NS:
                rec.loop.spans.append((max(begin - own, rec.loop_cpu_end[0]), begin, 'cpu', -1, ''))

    def _after(self, rec, begin, cpu_begin):
        end, cpu_end = _clock(), time.thread_time_ns()
        rec.loop.spans.append((begin, end, 'cpu', self._local, ''))
        rec.loop_cpu_end = (end, cpu_end)
        self._cpu += cpu_end - cpu_begin

    def _finish(self, rec, ok, result, error):
        end = rec.loop_cpu_end[0]
        if not ok:
            self._lane.spans.append((end, end, 'failed', self._local, ''))
        rec.free_slots.append(self._slot)
        rec.free_slots.sort()
        rec.finish_task(self._local, end, ok, result, error, self._cpu)


def _trace_loop(loop):
    """The moment a future is done, asyncio schedules its callbacks with call_soon: the task is
    ready from then, not from when the loop comes round to it."""
    call_soon = loop.call_soon

    def traced_call_soon(callback, *args, **kwargs):
        owner = getattr(callback, '__self__', None)
        if isinstance(owner, _TracedCoroutine):
            owner._wake()
        return call_soon(callback, *args, **kwargs)

    loop.call_soon = traced_call_soon


def task(function):
    """Marks the function that one task runs: each call (or each coroutine it makes) is traced."""
    if inspect.iscoroutinefunction(function):
        @functools.wraps(function)
        def start(*args, **kwargs):
            coro = function(*args, **kwargs)
            return _TracedCoroutine(coro) if _recorder is not None else coro
        return start

    @functools.wraps(function)
    def run(*args, **kwargs):
        if _recorder is None:
            return function(*args, **kwargs)
        return _run_traced(function, args, kwargs)
    return run


_options = None


def begin(workload, strategy, workers=1):
    """Reads the program's arguments and, with --trace, starts recording. Returns the arguments:
    url, tasks, n."""
    global _recorder, _options
    parser = argparse.ArgumentParser(description=f'The article\'s {workload} program, {strategy}.')
    parser.add_argument('--url', help='the page to download (Multitask Lab\'s embedded server)')
    parser.add_argument('--tasks', type=int, default=100 if workload == 'io' else 20)
    parser.add_argument('--n', type=int, default=5_000_000, help='task i sums squares below n + i')
    parser.add_argument('--trace', help='write the trace here (Multitask Lab\'s Chrome trace JSON)')
    _options = parser.parse_args()
    if workload == 'io' and not _options.url:
        parser.error('--url is needed')
    _options.workload, _options.strategy, _options.workers = workload, strategy, workers
    if _options.trace:
        wait = 'io-wait' if workload == 'io' else 'lock-wait' if strategy == 'threads' else 'ready'
        folder = tempfile.mkdtemp(prefix='mtlab-python-') if strategy == 'processes' else ''
        _recorder = _Recorder(workload, strategy, wait, folder, child=False)
        os.environ['MTLAB_TRACE'] = json.dumps([workload, strategy, wait, folder, _recorder.pid])
        if strategy == 'async':
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            _trace_loop(loop)
            _recorder.loop = _Lane('event-loop', 'event loop')
            _recorder.loop_cpu_end = (_clock(), time.thread_time_ns())
    return _options


def _child_recorder():
    """A worker process: recording from its start, handed over in the folder its parent made."""
    global _recorder
    setting = os.environ.get('MTLAB_TRACE')
    if setting:
        workload, strategy, wait, folder, parent = json.loads(setting)
        if parent != os.getpid() and folder:
            _recorder = _Recorder(workload, strategy, wait, folder, child=True)


os.register_at_fork(after_in_child=_child_recorder)
if _recorder is None:  # a worker process started afresh (spawn, forkserver) imports this anew
    _child_recorder()


def end():
    """Stops recording and writes the trace given by --trace."""
    rec = _recorder
    if rec is None:
        return
    rec.stop.set()
    if rec.sampler is not None:
        rec.sampler.join()
    trace = _assemble(rec)
    if rec.folder:
        shutil.rmtree(rec.folder, ignore_errors=True)
    path = _options.trace
    temporary = f'{path}.{os.getpid()}.tmp'
    with open(temporary, 'w', encoding='utf-8') as out:
        json.dump(trace, out, separators=(',', ':'))
        out.write('\n')
    os.replace(temporary, path)


def _worker_processes(rec):
    """The worker processes' lanes, from their files: spawn until the first task, ipc between tasks."""
    by_pid = {}
    if rec.folder:
        for name in os.listdir(rec.folder):
            with open(os.path.join(rec.folder, name), encoding='utf-8') as lines:
                for line in lines:
                    if not line.endswith('\n'):
                        continue  # a process killed in the middle of a write
                    item = json.loads(line)
                    entry = by_pid.setdefault(item['pid'], {'start': item['start'], 'spans': [], 'tasks': []})
                    entry['spans'].extend(tuple(s) for s in item['spans'])
                    entry['tasks'].append(item['task'])
    lanes = []
    for number, (pid, entry) in enumerate(sorted(by_pid.items(), key=lambda p: p[1]['start']), 1):
        lane = _Lane('process', f'process {number} (pid {pid})')
        lane.os_tid = pid
        tasks = sorted(entry['tasks'], key=lambda t: t[1])
        lane.spans.append((entry['start'], tasks[0][1], 'spawn', -1, ''))
        for before, after in zip(tasks, tasks[1:]):
            lane.spans.append((before[2], after[1], 'ipc', -1, ''))
        lane.spans.extend(entry['spans'])
        lanes.append((pid, lane, tasks))
    return lanes


def _assemble(rec):
    """The trace as core/export/chrometrace.cpp writes a run: one pid, a tid per lane."""
    if rec.strategy == 'processes':
        groups = _worker_processes(rec)
    else:
        threads = sorted((lane for lane in rec.lanes.values() if lane.first is not None), key=lambda l: l.first)
        for number, lane in enumerate(threads, 1):
            lane.name = 'main thread' if rec.strategy == 'sync' else f'thread {number}'
        lanes = ([rec.loop] + rec.slots) if rec.loop is not None else threads
        groups = [(rec.pid, lane, None) for lane in lanes]
    # Tasks are numbered in the order they began, over all processes.
    if rec.strategy == 'processes':
        tasks = {(pid, record[0]): record for pid, _, own in groups for record in own}
    else:
        tasks = {(rec.pid, record[0]): record for record in rec.tasks if record[2] is not None}
    number = {key: i for i, key in enumerate(sorted(tasks, key=lambda k: (tasks[k][1], k)))}

    label = f'Python {rec.strategy}, {_options.workers} worker' + ('s' if _options.workers != 1 else '')
    events = [{'name': 'process_name', 'ph': 'M', 'pid': 1, 'args': {'name': label}},
              {'name': 'process_sort_index', 'ph': 'M', 'pid': 1, 'args': {'sort_index': 1}}]
    loop_tid = 1
    for index, (pid, lane, _) in enumerate(groups):
        args = {'name': lane.name, 'kind': lane.kind, 'os_pid': pid, 'os_tid': lane.os_tid}
        if lane.kind == 'async-task':
            args['parent_tid'] = loop_tid
        events.append({'name': 'thread_name', 'ph': 'M', 'pid': 1, 'tid': index + 1, 'args': args})
        events.append({'name': 'thread_sort_index', 'ph': 'M', 'pid': 1, 'tid': index + 1,
                       'args': {'sort_index': index}})
    for index, (pid, lane, _) in enumerate(groups):
        for begin_ns, end_ns, state, local, phase in sorted(lane.spans):
            args = {'task': number.get((pid, local), -1)}
            if phase:
                args['phase'] = phase
            record = tasks.get((pid, local))
            if record is not None:
                _, _, _, ok, result, error, cpu_ns = record
                if not ok:
                    args['error'] = error
                elif rec.workload == 'cpu':
                    args['result'] = str(result)
                else:
                    args['result'] = result if isinstance(result, int) else 0
                if rec.workload == 'cpu' and cpu_ns > 0:
                    args['task_cpu_ms'] = round(cpu_ns / 1e6, 3)
            if state == 'failed' and record is not None:
                args['detail'] = record[5]
            ts = round((begin_ns - rec.start) / 1000, 3)  # µs, and a span ends where the next begins
            dur = round(round((end_ns - rec.start) / 1000, 3) - ts, 3)
            events.append({'name': state, 'cat': phase or state, 'ph': 'X', 'ts': ts, 'dur': dur,
                           'pid': 1, 'tid': index + 1, 'args': args})
    return {'displayTimeUnit': 'ms', 'traceEvents': events}
