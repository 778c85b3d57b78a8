"""The article's Python programs under resources/python/, run with their tracer against the embedded
server: the traces they write have the structure of the lab's own (core/export/chrometrace.cpp)
and show what the article teaches. Structure, never speed.

usage: python3 test_tracer.py PROGRAM_DIR SERVER_EXECUTABLE
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

PROGRAMS = SERVER = None
STATES = {'queued', 'ready', 'cpu', 'io-wait', 'lock-wait', 'spawn', 'ipc', 'idle', 'failed', 'race'}
KINDS = {'main-thread', 'pool-thread', 'event-loop', 'async-task', 'process', 'queue'}


def missing_modules():
    missing = []
    for module in ('requests', 'aiohttp'):
        try:
            __import__(module)
        except ImportError:
            missing.append(f'python3-{module}')
    return missing


class Trace:
    def __init__(self, path):
        with open(path, encoding='utf-8') as f:
            self.events = json.load(f)['traceEvents']
        self.lanes = {e['tid']: e['args'] for e in self.events if e['ph'] == 'M' and e['name'] == 'thread_name'}
        self.spans = [e for e in self.events if e['ph'] == 'X']

    def of(self, state, kind=None):
        return [s for s in self.spans if s['name'] == state and (kind is None or self.lanes[s['tid']]['kind'] == kind)]

    def tasks(self):
        return {s['args']['task'] for s in self.spans if s['args']['task'] >= 0}

    def most_at_once(self, spans):
        """The most spans of different lanes that cover one moment."""
        # A span that ends where another begins is not at once with it (µs rounding aside).
        edges = sorted([(s['ts'], 1) for s in spans] + [(s['ts'] + s['dur'] - 0.01, -1) for s in spans])
        most = now = 0
        for _, step in edges:
            now += step
            most = max(most, now)
        return most

    def overlap_ms(self, a, b):
        """How long two lanes' spans cover the same moments."""
        total = 0.0
        for x in a:
            for y in b:
                total += max(0.0, min(x['ts'] + x['dur'], y['ts'] + y['dur']) - max(x['ts'], y['ts']))
        return total / 1000


class TracerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.server = subprocess.Popen([SERVER, '--port', '0', '--delay-ms', '50', '--size-kb', '4',
                                       '--exit-on-stdin-eof'],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = cls.server.stdout.readline()
        cls.url = line.split(' on ')[-1].strip()

    @classmethod
    def tearDownClass(cls):
        cls.server.stdin.close()
        cls.server.wait(5)
        cls.folder.cleanup()

    def run_program(self, name, *args):
        path = os.path.join(self.folder.name, name + '.json')
        done = subprocess.run([sys.executable, os.path.join(PROGRAMS, name + '.py'), *args, '--trace', path],
                              capture_output=True, text=True, timeout=300)
        self.assertEqual(done.returncode, 0, done.stderr)
        trace = Trace(path)
        self.check_format(trace)
        return trace, done.stdout

    def check_format(self, trace):
        """What the lab's importer expects of its own files."""
        self.assertTrue(trace.spans)
        for tid, args in trace.lanes.items():
            self.assertIn(args['kind'], KINDS)
            if args['kind'] == 'async-task':
                self.assertIn(args['parent_tid'], trace.lanes)
        for span in trace.spans:
            self.assertIn(span['name'], STATES)
            self.assertIn(span['tid'], trace.lanes)
            self.assertGreaterEqual(span['dur'], 0)
            self.assertGreaterEqual(span['ts'], 0)
            if span['args']['task'] >= 0:
                self.assertTrue('result' in span['args'] or 'error' in span['args'], span)

    def needs_libraries(self):
        if missing_modules():
            self.skipTest('needs ' + ' and '.join(missing_modules()) + ' (apt-get install python3-requests python3-aiohttp)')

    def test_io_sync_one_lane_waiting_for_the_network(self):
        self.needs_libraries()
        trace, output = self.run_program('io_sync', '--url', self.url, '--tasks', '4')
        self.assertIn('Download  4 in', output)
        self.assertEqual([a['name'] for a in trace.lanes.values()], ['main thread'])
        self.assertEqual(trace.tasks(), {0, 1, 2, 3})
        self.assertTrue(trace.of('io-wait'))
        self.assertEqual({s['args']['result'] for s in trace.spans}, {4096})

    def test_io_threads_wait_at_once(self):
        self.needs_libraries()
        trace, _ = self.run_program('io_threads', '--url', self.url, '--tasks', '10')
        self.assertEqual(trace.tasks(), set(range(10)))
        self.assertGreater(len(trace.lanes), 1)
        self.assertLessEqual(len(trace.lanes), 5)
        self.assertTrue(all(a['kind'] == 'pool-thread' and a['name'].startswith('thread ') for a in trace.lanes.values()))
        self.assertGreater(trace.most_at_once(trace.of('io-wait')), 1)

    def test_asyncio_one_thread_whose_tasks_wait_at_once(self):
        self.needs_libraries()
        trace, _ = self.run_program('io_asyncio', '--url', self.url, '--tasks', '8')
        lanes = list(trace.lanes.values())
        self.assertEqual(lanes[0]['kind'], 'event-loop')
        self.assertEqual(len({(a['os_pid'], a['os_tid']) for a in lanes}), 1)  # a single thread
        self.assertEqual(sum(a['kind'] == 'async-task' for a in lanes), 8)
        self.assertEqual(trace.tasks(), set(range(8)))
        # The tasks' waits overlap, their steps never do: only the loop's lane computes.
        self.assertGreater(trace.most_at_once(trace.of('io-wait')), 1)
        self.assertEqual({s['tid'] for s in trace.of('cpu')}, {1})
        self.assertEqual(trace.most_at_once(trace.of('cpu')), 1)
        self.assertTrue(trace.of('ready', 'async-task'))

    def test_io_processes(self):
        self.needs_libraries()
        trace, _ = self.run_program('io_processes', '--url', self.url, '--tasks', '6')
        self.assertEqual(trace.tasks(), set(range(6)))
        self.assertTrue(all(a['kind'] == 'process' for a in trace.lanes.values()))
        self.assertTrue(trace.of('spawn'))

    def test_cpu_sync(self):
        trace, output = self.run_program('cpu_sync', '--tasks', '3', '--n', '300000')
        self.assertIn('Duration', output)
        self.assertEqual(trace.tasks(), {0, 1, 2})
        sums = {s['args']['task']: int(s['args']['result']) for s in trace.spans}
        self.assertEqual(sums[2], sum(i * i for i in range(300002)))
        self.assertFalse(trace.of('lock-wait'))

    def test_cpu_threads_take_turns_on_the_interpreter_lock(self):
        trace, _ = self.run_program('cpu_threads', '--tasks', '5', '--n', '3000000')
        self.assertEqual(trace.tasks(), set(range(5)))
        self.assertGreater(len(trace.lanes), 1)
        self.assertTrue(trace.of('lock-wait'))
        # One thread computes at a time: two lanes' computing overlaps only by the sampling's slack.
        cpu = trace.of('cpu')
        lanes = sorted(trace.lanes)
        both = sum(trace.overlap_ms([s for s in cpu if s['tid'] == a], [s for s in cpu if s['tid'] == b])
                   for i, a in enumerate(lanes) for b in lanes[i + 1:])
        total = sum(s['dur'] for s in cpu) / 1000
        self.assertLess(both, 0.1 * total)
        lock_wait = sum(s['dur'] for s in trace.of('lock-wait')) / 1000
        self.assertGreater(lock_wait, total)  # five threads, one running: most of their time is waiting

    def test_cpu_processes_compute_at_once(self):
        if (os.cpu_count() or 1) < 2:
            self.skipTest('needs two cores')
        trace, _ = self.run_program('cpu_processes', '--tasks', '4', '--n', '3000000')
        self.assertEqual(trace.tasks(), set(range(4)))
        lanes = sorted(trace.lanes)
        self.assertGreater(len(lanes), 1)
        self.assertTrue(all(trace.lanes[t]['kind'] == 'process' for t in lanes))
        self.assertEqual(len({trace.lanes[t]['os_pid'] for t in lanes}), len(lanes))
        cpu = trace.of('cpu')
        self.assertGreater(trace.overlap_ms([s for s in cpu if s['tid'] == lanes[0]],
                                            [s for s in cpu if s['tid'] == lanes[1]]), 0)
        self.assertFalse(trace.of('lock-wait'))

    def test_without_trace_the_article_program_alone(self):
        done = subprocess.run([sys.executable, os.path.join(PROGRAMS, 'cpu_sync.py'), '--tasks', '2', '--n', '1000'],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertRegex(done.stdout, r'^Duration [0-9.e-]+ seconds\n$')


if __name__ == '__main__':
    PROGRAMS, SERVER = sys.argv[1], sys.argv[2]
    if missing_modules():
        print('note: the I/O programs are skipped: install ' + ' '.join(missing_modules()))
    unittest.main(argv=sys.argv[:1], verbosity=2)
