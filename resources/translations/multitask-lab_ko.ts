<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>Comparison</name>
    <message>
        <source>1 worker</source>
        <translation>워커 1개</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>동기</translation>
    </message>
    <message>
        <source>the baseline</source>
        <translation>기준</translation>
    </message>
    <message>
        <source>%1 faster than %2</source>
        <translation>%2보다 %1 빠름</translation>
    </message>
    <message>
        <source>%1× slower than %2</source>
        <translation>%2보다 %1× 느림</translation>
    </message>
    <message>
        <source>ideal </source>
        <translation>이상 </translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1개 실패</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>DerivedRows</name>
    <message>
        <source>GIL holder</source>
        <translation>GIL 보유</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>코어</translation>
    </message>
</context>
<context>
    <name>IdealMarker</name>
    <message>
        <source>ideal %1</source>
        <translation>이상 %1</translation>
    </message>
</context>
<context>
    <name>LaneTitle</name>
    <message>
        <source>main thread</source>
        <translation>메인 스레드</translation>
    </message>
    <message>
        <source>event loop</source>
        <translation>이벤트 루프</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>큐</translation>
    </message>
    <message>
        <source>thread %1</source>
        <translation>스레드 %1</translation>
    </message>
    <message>
        <source>task slot %1</source>
        <translation>작업 자리 %1</translation>
    </message>
    <message>
        <source>lane %1</source>
        <translation>레인 %1</translation>
    </message>
    <message>
        <source>process %1 (pid %2)</source>
        <translation>프로세스 %1 (pid %2)</translation>
    </message>
    <message>
        <source>hog, no await</source>
        <translation>독점 작업, await 없음</translation>
    </message>
    <message>
        <source>hog, %1 ms slices</source>
        <translation>독점 작업, %1 ms 조각</translation>
    </message>
</context>
<context>
    <name>LessonSteps</name>
    <message>
        <source>I/O-bound: downloading</source>
        <translation>I/O 바운드: 다운로드</translation>
    </message>
    <message>
        <source>CPU-bound: computing</source>
        <translation>CPU 바운드: 계산</translation>
    </message>
    <message>
        <source>How it works inside</source>
        <translation>안에서 일어나는 일</translation>
    </message>
    <message>
        <source>Downloads, one at a time</source>
        <translation>다운로드, 하나씩 차례로</translation>
    </message>
    <message>
        <source>We download the same page 100 times, one after another, with one session. Each request waits for the server&apos;s answer before the next one is sent, so the program spends nearly all its time waiting, not computing. Look at the one row: long waits, almost no CPU.</source>
        <translation>세션 하나로 같은 페이지를 100번, 하나씩 차례로 내려받습니다. 요청마다 서버의 응답을 기다린 뒤에야 다음 요청을 보내므로, 프로그램은 거의 모든 시간을 계산이 아니라 기다리는 데 씁니다. 한 줄뿐인 행을 보세요: 긴 대기, CPU는 거의 없습니다.</translation>
    </message>
    <message>
        <source>one worker waits out every answer before asking for the next</source>
        <translation>워커 하나가 응답을 하나하나 다 기다린 뒤에야 다음을 요청하기 때문입니다</translation>
    </message>
    <message>
        <source>Downloads in a thread pool</source>
        <translation>스레드 풀로 다운로드</translation>
    </message>
    <message>
        <source>Five threads share the 100 downloads, so five requests wait at the same time. A requests.Session is not thread-safe, so each thread keeps its own in thread-local storage and reuses it. The operating system switches between the threads whenever it likes: preemptive multitasking.</source>
        <translation>스레드 다섯 개가 다운로드 100번을 나눠 맡으므로, 요청 다섯 개가 동시에 기다립니다. requests.Session은 thread-safe하지 않아서, 스레드마다 thread-local storage에 자기 세션을 두고 다시 씁니다. 운영체제는 원할 때 언제든 스레드를 바꿉니다: 선점형(preemptive) 멀티태스킹입니다.</translation>
    </message>
    <message>
        <source>five threads overlap their waiting</source>
        <translation>스레드 다섯 개가 기다리는 시간을 겹치기 때문입니다</translation>
    </message>
    <message>
        <source>Downloads with asyncio</source>
        <translation>asyncio로 다운로드</translation>
    </message>
    <message>
        <source>One thread and an event loop: at each await a download gives control back to the loop, which starts the next one meanwhile. All 100 requests wait together, and one shared session is safe because only one task runs at a time: cooperative multitasking.</source>
        <translation>스레드 하나와 이벤트 루프: 다운로드는 await마다 제어권을 루프에 돌려주고, 루프는 그동안 다음 다운로드를 시작합니다. 요청 100개가 함께 기다리며, 한 번에 태스크 하나만 실행되므로 세션 하나를 같이 써도 안전합니다: 협력형(cooperative) 멀티태스킹입니다.</translation>
    </message>
    <message>
        <source>one thread sends every request and the loop waits for all of them at once</source>
        <translation>스레드 하나가 요청을 모두 보내고 루프가 그 전부를 한꺼번에 기다리기 때문입니다</translation>
    </message>
    <message>
        <source>Downloads in a process pool</source>
        <translation>프로세스 풀로 다운로드</translation>
    </message>
    <message>
        <source>multiprocessing.Pool starts one Python process per CPU; the initializer gives each its own session. A process is expensive to start, and its results come back pickled. For downloads the processes only wait side by side, as threads do, at a higher price.</source>
        <translation>multiprocessing.Pool은 CPU마다 파이썬 프로세스를 하나씩 띄우고, initializer가 프로세스마다 자기 세션을 만들어 줍니다. 프로세스는 띄우는 비용이 크고, 결과는 pickle로 직렬화되어 돌아옵니다. 다운로드에서는 프로세스들도 스레드처럼 나란히 기다릴 뿐인데, 비용은 더 듭니다.</translation>
    </message>
    <message>
        <source>each process pays to start, then waits for its own share of the downloads</source>
        <translation>프로세스마다 시작 비용을 치른 뒤, 맡은 몫의 다운로드를 기다리기 때문입니다</translation>
    </message>
    <message>
        <source>Computing, one at a time</source>
        <translation>계산, 하나씩 차례로</translation>
    </message>
    <message>
        <source>Now the work is computing: the sum of the squares below about five million, for 20 numbers. There is nothing to wait for, so the one row is all CPU, and the time is the sum of the 20 tasks.</source>
        <translation>이번에는 계산하는 일입니다: 약 500만까지의 제곱의 합을 숫자 20개에 대해 구합니다. 기다릴 것이 없으니 한 줄뿐인 행은 전부 CPU이고, 걸린 시간은 태스크 20개의 합입니다.</translation>
    </message>
    <message>
        <source>one core computes the 20 sums back to back</source>
        <translation>코어 하나가 합 20개를 쉬지 않고 차례로 계산하기 때문입니다</translation>
    </message>
    <message>
        <source>Computing in threads: the interpreter lock</source>
        <translation>스레드로 계산: 인터프리터 락</translation>
    </message>
    <message>
        <source>The same sums in a pool of five threads. In CPython only the thread holding the interpreter lock (the GIL) runs Python code; the others wait for it, however many cores there are. Look for the lock-wait bars: threads do not speed up computing.</source>
        <translation>같은 합을 스레드 다섯 개의 풀로 구합니다. CPython에서는 인터프리터 락(GIL)을 쥔 스레드만 파이썬 코드를 실행하고, 나머지는 코어가 몇 개든 그 락을 기다립니다. 락 대기 막대를 찾아보세요: 스레드로는 계산이 빨라지지 않습니다.</translation>
    </message>
    <message>
        <source>the interpreter lock lets only one thread compute at a time</source>
        <translation>인터프리터 락 때문에 한 번에 스레드 하나만 계산할 수 있기 때문입니다</translation>
    </message>
    <message>
        <source>Computing in a process pool</source>
        <translation>프로세스 풀로 계산</translation>
    </message>
    <message>
        <source>Each process has its own interpreter and its own lock, so the sums really run at once, one per core: parallelism. Starting the processes costs a little, which long work pays back. The article&apos;s rule of thumb: CPU-bound work goes to processes.</source>
        <translation>프로세스마다 자기 인터프리터와 자기 락이 있으므로, 합들이 코어마다 하나씩 정말로 동시에 계산됩니다: 병렬성(parallelism)입니다. 프로세스를 띄우는 데 약간의 비용이 들지만 오래 걸리는 일이라면 충분히 보상됩니다. 글의 경험칙: CPU 바운드 작업은 프로세스로.</translation>
    </message>
    <message>
        <source>every core computes its own share in its own process</source>
        <translation>코어마다 자기 프로세스에서 자기 몫을 계산하기 때문입니다</translation>
    </message>
    <message>
        <source>Inside the event loop: a replay</source>
        <translation>이벤트 루프 안: 다시 보기</translation>
    </message>
    <message>
        <source>Run the asyncio downloads again, then replay them slowly beside the timeline (Space plays, ← and → step). The loop keeps a ready list, tasks that can run now, and a waiting list, tasks parked at an await. An answer moves its task from waiting to ready, and the loop runs one ready task at a time.</source>
        <translation>asyncio 다운로드를 다시 실행한 뒤, 타임라인 옆에서 천천히 다시 보세요(Space로 재생, ←와 →로 한 단계씩). 루프는 지금 실행할 수 있는 태스크의 ready 목록과 await에서 멈춘 태스크의 waiting 목록을 가지고 있습니다. 응답이 오면 그 태스크는 waiting에서 ready로 옮겨지고, 루프는 ready 태스크를 한 번에 하나씩 실행합니다.</translation>
    </message>
    <message>
        <source>the loop runs one ready task at a time while the others wait</source>
        <translation>루프가 ready 태스크를 한 번에 하나씩 실행하고 나머지는 기다리기 때문입니다</translation>
    </message>
    <message>
        <source>A task that never yields</source>
        <translation>양보하지 않는 태스크</translation>
    </message>
    <message>
        <source>One of the 20 async tasks computes for half a second without a single await. The loop cannot take control back, so the others&apos; answers, long arrived, wait until the hog is done. Cooperative multitasking works only if every task cooperates.</source>
        <translation>비동기 태스크 20개 중 하나가 await 한 번 없이 0.5초 동안 계산합니다. 루프는 제어권을 되찾을 수 없으므로, 다른 태스크의 응답은 진작 도착했는데도 그 태스크가 끝날 때까지 기다립니다. 협력형 멀티태스킹은 모든 태스크가 협력할 때만 제대로 돌아갑니다.</translation>
    </message>
    <message>
        <source>a task without an await keeps the loop&apos;s only thread, and the others wait for it</source>
        <translation>await 없는 태스크가 루프의 유일한 스레드를 붙잡고 있어서 나머지가 기다리기 때문입니다</translation>
    </message>
    <message>
        <source>Yielding in slices</source>
        <translation>조각내서 양보하기</translation>
    </message>
    <message>
        <source>The same half second of computing, but the task awaits every 10 ms. Each await lets the loop hand the arrived answers to their tasks, so they finish early instead of waiting for the whole computation.</source>
        <translation>같은 0.5초의 계산이지만, 이번에는 태스크가 10 ms마다 await합니다. await할 때마다 루프가 도착한 응답을 해당 태스크에 넘겨주므로, 다른 태스크들은 계산 전체를 기다리지 않고 일찍 끝납니다.</translation>
    </message>
    <message>
        <source>an await every 10 ms lets the loop serve the other tasks between slices</source>
        <translation>10 ms마다 await하므로 루프가 조각 사이사이에 다른 태스크를 처리하기 때문입니다</translation>
    </message>
    <message>
        <source>A race: threads share a counter</source>
        <translation>경쟁 상태: 스레드들이 카운터 하나를 같이 씀</translation>
    </message>
    <message>
        <source>Five threads each add 1 to one shared counter 10,000 times. counter += 1 reads, adds and writes back, and the operating system may switch threads in between, so one thread overwrites another&apos;s update. Compare the final count with 50,000.</source>
        <translation>스레드 다섯 개가 공유 카운터 하나에 각각 1을 10,000번 더합니다. counter += 1은 읽고, 더하고, 다시 쓰는 동작이고, 운영체제는 그 사이에 스레드를 바꿀 수 있으므로 한 스레드가 다른 스레드의 갱신을 덮어씁니다. 최종 값을 50,000과 비교해 보세요.</translation>
    </message>
    <message>
        <source>a thread can be switched between reading and writing the counter, so updates are lost</source>
        <translation>카운터를 읽고 쓰는 사이에 스레드가 바뀔 수 있어서 갱신이 사라지기 때문입니다</translation>
    </message>
    <message>
        <source>A lock</source>
        <translation>락</translation>
    </message>
    <message>
        <source>The same threads, but each update holds a lock, so only one thread at a time reads and writes the counter. No update is lost; the price is waiting for the lock, the lock-wait bars.</source>
        <translation>같은 스레드들이지만 갱신할 때마다 락을 잡으므로, 한 번에 스레드 하나만 카운터를 읽고 씁니다. 사라지는 갱신은 없고, 그 대가는 락을 기다리는 시간, 곧 락 대기 막대입니다.</translation>
    </message>
    <message>
        <source>the lock lets one thread in at a time: nothing is lost, but the others wait</source>
        <translation>락이 한 번에 스레드 하나만 들여보내기 때문입니다: 잃는 것은 없지만 나머지는 기다립니다</translation>
    </message>
    <message>
        <source>More workers than cores</source>
        <translation>코어보다 많은 워커</translation>
    </message>
    <message>
        <source>Five threads without an interpreter lock (C++ threads, or a free-threaded Python) compute in parallel, but only as many at once as the machine has cores. The others are ready and wait for a core: the ready bars. Workers beyond the number of cores make nothing faster.</source>
        <translation>인터프리터 락이 없는 스레드 다섯 개(C++ 스레드나 free-threaded 파이썬)는 병렬로 계산하지만, 동시에 계산하는 것은 기계의 코어 수만큼뿐입니다. 나머지는 실행 준비가 된 채 코어를 기다립니다: 준비(ready) 막대입니다. 코어 수보다 많은 워커는 아무것도 빠르게 하지 않습니다.</translation>
    </message>
    <message>
        <source>only as many threads compute at once as there are cores; the others wait for one</source>
        <translation>코어 수만큼의 스레드만 동시에 계산하고 나머지는 코어를 기다리기 때문입니다</translation>
    </message>
</context>
<context>
    <name>Prediction</name>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 faster than sync</source>
        <translation>동기보다 %1 빠름</translation>
    </message>
    <message>
        <source>%1 slower than sync</source>
        <translation>동기보다 %1 느림</translation>
    </message>
    <message>
        <source>about as fast as sync</source>
        <translation>동기와 거의 같음</translation>
    </message>
    <message>
        <source>You guessed %1; it took %2, close</source>
        <translation>예상 %1, 실제 %2: 거의 맞았습니다</translation>
    </message>
    <message>
        <source>You guessed %1; it took %2, %3 slower than you thought</source>
        <translation>예상 %1, 실제 %2: 예상보다 %3 느렸습니다</translation>
    </message>
    <message>
        <source>You guessed %1; it took %2, %3 faster than you thought</source>
        <translation>예상 %1, 실제 %2: 예상보다 %3 빨랐습니다</translation>
    </message>
    <message>
        <source>You guessed %1; it took %2, with no sync run of the same work to compare</source>
        <translation>예상은 %1, 실제 %2: 비교할 같은 작업의 동기 실행이 아직 없습니다</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 대 %2</translation>
    </message>
    <message>
        <source>You guessed %1, and so it was: %2 (%3)</source>
        <translation>예상은 %1, 맞았습니다: %2 (%3)</translation>
    </message>
    <message>
        <source>You guessed %1; it was %2 (%3)</source>
        <translation>예상은 %1, 실제로는 %2 (%3)</translation>
    </message>
    <message>
        <source>faster than sync</source>
        <translation>동기보다 빠름</translation>
    </message>
    <message>
        <source>about the same as sync</source>
        <translation>동기와 비슷함</translation>
    </message>
    <message>
        <source>slower than sync</source>
        <translation>동기보다 느림</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>I/O: 100 downloads, one at a time</source>
        <translation>I/O: 다운로드 100회, 하나씩 차례로</translation>
    </message>
    <message>
        <source>One worker waits out every reply before asking for the next: about 100 × 100 ms = 10 s, nearly all of it waiting (the article: 11.7 s).</source>
        <translation>워커 하나가 응답을 끝까지 기다린 뒤에야 다음 요청을 보냅니다: 약 100 × 100 ms = 10초, 거의 전부 기다리는 시간입니다(글: 11.7초).</translation>
    </message>
    <message>
        <source>I/O: 100 downloads, thread pool of 5</source>
        <translation>I/O: 다운로드 100회, 스레드 5개 풀</translation>
    </message>
    <message>
        <source>The five threads overlap their waiting: about 100/5 × 100 ms = 2 s, five times faster than one at a time (the article: 3.10 s).</source>
        <translation>스레드 다섯 개가 기다리는 시간을 겹칩니다: 약 100/5 × 100 ms = 2초, 하나씩 할 때보다 다섯 배 빠릅니다(글: 3.10초).</translation>
    </message>
    <message>
        <source>I/O: 100 downloads, async, all at once</source>
        <translation>I/O: 다운로드 100회, 비동기, 한꺼번에</translation>
    </message>
    <message>
        <source>One thread starts all 100 requests and the event loop waits for them together: the whole run takes about one delay, 100 ms (the article: 1.30 s).</source>
        <translation>스레드 하나가 요청 100개를 모두 보내고 이벤트 루프가 한꺼번에 기다립니다: 전체가 지연 한 번, 약 100 ms 걸립니다(글: 1.30초).</translation>
    </message>
    <message>
        <source>I/O: 100 downloads, process pool (one per CPU)</source>
        <translation>I/O: 다운로드 100회, 프로세스 풀(CPU마다 하나)</translation>
    </message>
    <message>
        <source>Each process first pays to start (spawn), then waits for its own share of downloads: about 100/CPUs × 100 ms (the article: 3.29 s).</source>
        <translation>프로세스마다 먼저 시작 비용(spawn)을 치르고, 자기 몫의 다운로드를 기다립니다: 약 100/CPU 수 × 100 ms(글: 3.29초).</translation>
    </message>
    <message>
        <source>CPU: 20 sums of squares, one at a time</source>
        <translation>CPU: 제곱의 합 20개, 하나씩 차례로</translation>
    </message>
    <message>
        <source>One core computes the 20 sums back to back, with no waiting at all: the time is the sum of the tasks (the article: 7.59 s).</source>
        <translation>코어 하나가 합 20개를 기다림 없이 연달아 계산합니다: 걸리는 시간은 작업 시간의 합입니다(글: 7.59초).</translation>
    </message>
    <message>
        <source>CPU: 20 sums of squares, thread pool of 5</source>
        <translation>CPU: 제곱의 합 20개, 스레드 5개 풀</translation>
    </message>
    <message>
        <source>C++ threads have no interpreter lock, so they compute in parallel, one per core; compare with the interpreter-lock preset, which behaves like the article&apos;s Python (8.31 s).</source>
        <translation>C++ 스레드에는 인터프리터 락이 없어 코어마다 하나씩 병렬로 계산합니다. 글의 파이썬처럼 동작하는 인터프리터 락 프리셋과 비교해 보세요(8.31초).</translation>
    </message>
    <message>
        <source>CPU: 20 sums of squares, process pool (one per CPU)</source>
        <translation>CPU: 제곱의 합 20개, 프로세스 풀(CPU마다 하나)</translation>
    </message>
    <message>
        <source>Every core computes its own share in its own process: about the sync time divided by the number of CPUs, plus the start-up (the article: 3.13 s).</source>
        <translation>코어마다 자기 프로세스에서 자기 몫을 계산합니다: 대략 동기 시간을 CPU 수로 나눈 값에 시작 비용을 더한 만큼입니다(글: 3.13초).</translation>
    </message>
    <message>
        <source>CPU: thread pool of 5 with the interpreter lock (as in CPython)</source>
        <translation>CPU: 인터프리터 락이 있는 스레드 5개 풀(CPython처럼)</translation>
    </message>
    <message>
        <source>Only the thread holding the lock computes while the others wait for it (lock-wait), so five threads are no faster than one, as in the article.</source>
        <translation>락을 가진 스레드만 계산하고 나머지는 락을 기다리므로(lock-wait), 글에서처럼 스레드 다섯 개가 하나보다 빠르지 않습니다.</translation>
    </message>
    <message>
        <source>I/O: all four strategies compared</source>
        <translation>I/O: 네 가지 전략 비교</translation>
    </message>
    <message>
        <source>Sync, threads, async and processes download the same 100 pages one run after another; the Comparison tab stacks them on one time axis.</source>
        <translation>동기, 스레드, 비동기, 프로세스가 같은 페이지 100개를 차례로 다운로드합니다. 비교 탭에서 한 시간 축에 쌓아 보여 줍니다.</translation>
    </message>
    <message>
        <source>CPU: all strategies compared, threads with and without the interpreter lock</source>
        <translation>CPU: 모든 전략 비교, 인터프리터 락이 있는 스레드와 없는 스레드</translation>
    </message>
    <message>
        <source>The same 20 sums under each strategy, the thread pool twice: with the interpreter lock, as CPython runs it (no faster than sync, as in the article), and without, as C++ or a free-threaded Python runs it. Only processes and lock-free threads use more than one core; async never helps computing.</source>
        <translation>같은 합 20개를 전략마다 계산하고, 스레드 풀은 두 번 실행합니다: CPython처럼 인터프리터 락을 두고(글에서처럼 동기보다 빠르지 않음), C++나 free-threaded 파이썬처럼 락 없이. 코어를 둘 이상 쓰는 것은 프로세스와 락 없는 스레드뿐이고, 비동기는 계산에 전혀 도움이 되지 않습니다.</translation>
    </message>
    <message>
        <source>I/O: thread pool of 5, each thread reuses its session</source>
        <translation>I/O: 스레드 5개 풀, 스레드마다 세션 재사용</translation>
    </message>
    <message>
        <source>Over HTTPS a new connection needs a TLS handshake, which this server makes take 50 ms; each thread pays it once, on its first download (the tls phase), and reuses its connection after that.</source>
        <translation>HTTPS에서는 새 연결마다 TLS 핸드셰이크가 필요하고, 이 서버는 그것을 50 ms 걸리게 합니다. 스레드마다 첫 다운로드에서 한 번만 치르고(tls 단계), 그 뒤로는 연결을 재사용합니다.</translation>
    </message>
    <message>
        <source>I/O: thread pool of 5, a new connection for every download</source>
        <translation>I/O: 스레드 5개 풀, 다운로드마다 새 연결</translation>
    </message>
    <message>
        <source>Without a session every download opens a fresh connection and pays the 50 ms TLS handshake again: every bar starts with a tls phase and is longer than with reused sessions.</source>
        <translation>세션이 없으면 다운로드마다 새 연결을 열고 50 ms TLS 핸드셰이크를 다시 치릅니다: 막대마다 tls 단계로 시작하고, 세션을 재사용할 때보다 깁니다.</translation>
    </message>
    <message>
        <source>I/O: async with a blocking call in each task (the classic mistake)</source>
        <translation>I/O: 작업마다 블로킹 호출을 하는 비동기 (흔한 실수)</translation>
    </message>
    <message>
        <source>Each task downloads with a blocking call, like requests.get inside async def: the event loop&apos;s one thread waits for every answer in turn while the other tasks sit in its ready list. 20 downloads take 20 × 100 ms = 2 s, as long as sync.</source>
        <translation>작업마다 async def 안에서 requests.get을 부르듯 블로킹 호출로 다운로드합니다: 이벤트 루프의 단 하나뿐인 스레드가 응답을 하나씩 차례로 기다리는 동안 나머지 작업은 준비 목록에 머뭅니다. 다운로드 20개에 20 × 100 ms = 2 s, 동기와 똑같이 걸립니다.</translation>
    </message>
    <message>
        <source>I/O: async, one task computes 500 ms without an await</source>
        <translation>I/O: 비동기, 작업 하나가 await 없이 500 ms 계산</translation>
    </message>
    <message>
        <source>Among 20 downloads one task computes for half a second and never awaits. The answers arrive after 100 ms, but the loop is busy with the hog: every task sits in the ready list until the hog is done, about 450 ms each.</source>
        <translation>다운로드 20개 사이에서 작업 하나가 await 한 번 없이 0.5초 동안 계산합니다. 응답은 100 ms 뒤에 도착하지만 루프는 독점 작업에 붙잡혀 있습니다: 모든 작업이 독점 작업이 끝날 때까지, 각각 약 450 ms씩 준비 목록에서 기다립니다.</translation>
    </message>
    <message>
        <source>I/O: async, the same 500 ms computed in 10 ms slices</source>
        <translation>I/O: 비동기, 같은 500 ms를 10 ms 조각으로 나누어 계산</translation>
    </message>
    <message>
        <source>The hog now awaits every 10 ms (like await asyncio.sleep(0)): each time, the loop hands the answers that have arrived to their tasks, so a download waits a slice or two (10 to 20 ms) instead of the whole half second. The hog takes as long as before; the others no longer wait for it.</source>
        <translation>이제 독점 작업이 10 ms마다 await 합니다 (await asyncio.sleep(0)처럼): 그때마다 루프가 도착한 응답을 각 작업에 넘겨 주므로, 다운로드는 0.5초 전체가 아니라 조각 한두 개(10~20 ms)만 기다립니다. 독점 작업은 전과 똑같이 걸리지만, 다른 작업들은 더 이상 그것을 기다리지 않습니다.</translation>
    </message>
    <message>
        <source>Counter: 5 threads add to one counter, unguarded</source>
        <translation>카운터: 스레드 5개가 보호 없이 카운터 하나에 더하기</translation>
    </message>
    <message>
        <source>Five threads each add 1 to the same counter 10,000 times; a thread can be interrupted between reading the counter and writing it back, so updates are lost (the red race sections) and the counter ends well short of 50,000.</source>
        <translation>스레드 다섯 개가 같은 카운터에 각각 1을 10,000번 더합니다. 스레드는 카운터를 읽은 뒤 다시 쓰기 전에 끼어들기를 당할 수 있어 갱신이 사라지고(빨간 race 구간), 카운터는 50,000에 한참 못 미칩니다.</translation>
    </message>
    <message>
        <source>Counter: 5 threads, guarded by a lock</source>
        <translation>카운터: 스레드 5개, 락으로 보호</translation>
    </message>
    <message>
        <source>The same five threads take a lock around their updates: only one is inside at a time while the others wait for it (lock-wait), and the counter ends at exactly 50,000.</source>
        <translation>같은 스레드 다섯 개가 갱신할 때 락을 잡습니다: 한 번에 하나만 들어가고 나머지는 락을 기다리며(lock-wait), 카운터는 정확히 50,000으로 끝납니다.</translation>
    </message>
    <message>
        <source>Counter: 5 threads, a semaphore of 2</source>
        <translation>카운터: 스레드 5개, 세마포어 2</translation>
    </message>
    <message>
        <source>A semaphore lets at most two threads in at once, as for a scarce resource like two database connections: never more than two threads are inside, yet two are enough to lose updates.</source>
        <translation>세마포어는 데이터베이스 연결 두 개처럼 귀한 자원을 위해 한 번에 최대 두 스레드만 들여보냅니다: 안에 있는 스레드는 두 개를 넘지 않지만, 두 개만으로도 갱신을 잃기에 충분합니다.</translation>
    </message>
    <message>
        <source>Counter: 5 async tasks, unguarded</source>
        <translation>카운터: 비동기 작업 5개, 보호 없음</translation>
    </message>
    <message>
        <source>On the event loop a task gives up control only at an await, and there is none inside the update, so no update is lost even without a lock.</source>
        <translation>이벤트 루프에서 작업은 await에서만 제어를 넘기는데, 갱신 안에는 await가 없으므로 락 없이도 갱신을 하나도 잃지 않습니다.</translation>
    </message>
    <message>
        <source>Counter: 5 async tasks with an await inside the update</source>
        <translation>카운터: 갱신 안에 await가 있는 비동기 작업 5개</translation>
    </message>
    <message>
        <source>Each task awaits between reading the counter and writing it back, so the others run in the middle of its update: they all write back stale values and most updates are lost.</source>
        <translation>작업마다 카운터를 읽고 다시 쓰는 사이에 await하므로, 그 갱신 도중에 다른 작업이 실행됩니다: 모두 낡은 값을 되쓰고 갱신 대부분을 잃습니다.</translation>
    </message>
    <message>
        <source>Counter: 5 tasks in a process pool</source>
        <translation>카운터: 프로세스 풀의 작업 5개</translation>
    </message>
    <message>
        <source>Each worker process adds to its own copy of the counter: the copies hold every update, but the parent&apos;s counter stays at 0 unless the results are sent back to it.</source>
        <translation>워커 프로세스마다 자기 카운터 사본에 더합니다: 사본에는 모든 갱신이 남지만, 결과를 돌려보내지 않으면 부모 프로세스의 카운터는 0에 머뭅니다.</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>Shared counter: %1 tasks each add 1 to one counter %2 times (sync: %3)</source>
        <translation>공유 카운터: 작업 %1개가 저마다 카운터 하나에 1을 %2번 더함 (보호: %3)</translation>
    </message>
    <message>
        <source>CPU workload: %1 tasks, sum of squares below n = %2 .. %3</source>
        <translation>CPU 계산: 작업 %1개, n = %2 .. %3 미만인 수의 제곱의 합</translation>
    </message>
    <message>
        <source>I/O workload: %1 downloads of %2</source>
        <translation>I/O 다운로드: %2에서 %1회</translation>
    </message>
    <message>
        <source>the embedded server</source>
        <translation>내장 서버</translation>
    </message>
    <message>
        <source>strategy</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>경과 시간</translation>
    </message>
    <message>
        <source>speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>ok/failed</source>
        <translation>성공/실패</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>sum of all task results: </source>
        <translation>모든 작업 결과의 합: </translation>
    </message>
    <message>
        <source>note: the article&apos;s n = 5,000,000 takes a few milliseconds per task in C++, so n is
scaled up to make a task last about a tenth of a second; --n 5000000 runs the original.
</source>
        <translation>참고: 글의 n = 5,000,000은 C++에서 작업 하나에 몇 밀리초밖에 걸리지 않아서, 작업 하나가
0.1초쯤 걸리도록 n을 키웠습니다. 원래 값은 --n 5000000으로 실행합니다.
</translation>
    </message>
</context>
<context>
    <name>RunTitle</name>
    <message>
        <source>sync</source>
        <translation>동기</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>async</source>
        <translation>비동기</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>1 worker</source>
        <translation>워커 1개</translation>
    </message>
    <message>
        <source>%1 workers</source>
        <translation>워커 %1개</translation>
    </message>
    <message>
        <source>interpreter lock</source>
        <translation>인터프리터 락</translation>
    </message>
    <message>
        <source>blocking</source>
        <translation>블로킹 호출</translation>
    </message>
    <message>
        <source>hog %1 ms</source>
        <translation>루프 독점 %1 ms</translation>
    </message>
    <message>
        <source>sliced %1 ms</source>
        <translation>%1 ms씩 나눔</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>락</translation>
    </message>
    <message>
        <source>semaphore of %1</source>
        <translation>세마포어 %1</translation>
    </message>
    <message>
        <source>await inside</source>
        <translation>구간 안에서 await</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>파이썬</translation>
    </message>
</context>
<context>
    <name>StatePalette</name>
    <message>
        <source>computing</source>
        <translation>계산</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>준비</translation>
    </message>
    <message>
        <source>name lookup</source>
        <translation>이름 조회</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>server wait</source>
        <translation>서버 대기</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>수신</translation>
    </message>
    <message>
        <source>network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>lock wait</source>
        <translation>락 대기</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>큐 대기</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>유휴</translation>
    </message>
    <message>
        <source>process start</source>
        <translation>프로세스 시작</translation>
    </message>
    <message>
        <source>data passing</source>
        <translation>데이터 전달</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>race</source>
        <translation>경쟁 상태</translation>
    </message>
    <message>
        <source>computing (cpu)</source>
        <translation>계산 중 (cpu)</translation>
    </message>
    <message>
        <source>ready to run, waiting for a core or the event loop (ready)</source>
        <translation>실행 준비됨, 코어나 이벤트 루프를 기다림 (ready)</translation>
    </message>
    <message>
        <source>waiting for network: name lookup (dns)</source>
        <translation>네트워크 대기: 이름 조회 (dns)</translation>
    </message>
    <message>
        <source>waiting for network: connecting (connect)</source>
        <translation>네트워크 대기: 연결 (connect)</translation>
    </message>
    <message>
        <source>waiting for network: TLS handshake (tls)</source>
        <translation>네트워크 대기: TLS 핸드셰이크 (tls)</translation>
    </message>
    <message>
        <source>waiting for network: server think time (wait)</source>
        <translation>네트워크 대기: 서버가 생각하는 시간 (wait)</translation>
    </message>
    <message>
        <source>waiting for network: receiving the answer (transfer)</source>
        <translation>네트워크 대기: 응답 받기 (transfer)</translation>
    </message>
    <message>
        <source>waiting for network (io-wait)</source>
        <translation>네트워크 대기 (io-wait)</translation>
    </message>
    <message>
        <source>waiting for a lock or a semaphore (lock-wait)</source>
        <translation>락이나 세마포어를 기다림 (lock-wait)</translation>
    </message>
    <message>
        <source>queued, waiting for a worker (queued)</source>
        <translation>큐에서 워커를 기다림 (queued)</translation>
    </message>
    <message>
        <source>idle, nothing to do (idle)</source>
        <translation>쉬는 중, 할 일 없음 (idle)</translation>
    </message>
    <message>
        <source>starting a worker process (spawn)</source>
        <translation>워커 프로세스 시작 (spawn)</translation>
    </message>
    <message>
        <source>passing data between processes (ipc)</source>
        <translation>프로세스 사이 데이터 전달 (ipc)</translation>
    </message>
    <message>
        <source>task failed (failed)</source>
        <translation>작업 실패 (failed)</translation>
    </message>
    <message>
        <source>two tasks&apos; read-modify-writes overlapped, updates lost (race)</source>
        <translation>두 작업의 읽기-수정-쓰기가 겹쳐 갱신이 사라짐 (race)</translation>
    </message>
</context>
<context>
    <name>TimelineLayout</name>
    <message>
        <source>running…</source>
        <translation>실행 중…</translation>
    </message>
    <message>
        <source>ideal: the time the theory predicts</source>
        <translation>이상: 이론이 예측하는 시간</translation>
    </message>
    <message>
        <source>ideal time</source>
        <translation>이상적인 시간</translation>
    </message>
    <message numerus="yes">
        <source>%n more name(s)</source>
        <translation>
            <numerusform>이름 %n개 더</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>, %1 sync</source>
        <translation>, 동기 대비 %1</translation>
    </message>
    <message>
        <source> (ideal %1)</source>
        <translation> (이상 %1)</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>, %1개 실패</translation>
    </message>
    <message>
        <source>, cancelled</source>
        <translation>, 취소됨</translation>
    </message>
    <message>
        <source>the parent&apos;s counter %1, the processes&apos; copies %2</source>
        <translation>부모의 카운터 %1, 프로세스들의 사본 %2</translation>
    </message>
    <message>
        <source>counter %1 of %2: %3 updates lost</source>
        <translation>카운터 %2 중 %1: 갱신 %3개 사라짐</translation>
    </message>
    <message>
        <source>counter %1 of %2: none lost</source>
        <translation>카운터 %2 중 %1: 사라진 갱신 없음</translation>
    </message>
</context>
<context>
    <name>TimelinePainter</name>
    <message>
        <source>up to %1 busy</source>
        <translation>최대 %1개 사용 중</translation>
    </message>
    <message>
        <source>1 core</source>
        <translation>코어 1개</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>코어 %1개</translation>
    </message>
    <message>
        <source>%1 task slots</source>
        <translation>작업 자리 %1개</translation>
    </message>
    <message>
        <source>up to %1 waiting</source>
        <translation>최대 %1개 대기</translation>
    </message>
    <message>
        <source>time since start</source>
        <translation>시작 후 경과 시간</translation>
    </message>
</context>
<context>
    <name>TimelineToolTip</name>
    <message>
        <source>ready: in the event loop&apos;s ready list, waiting for the loop&apos;s one thread to run it</source>
        <translation>ready(준비): 이벤트 루프의 준비 목록에서, 루프의 단 하나뿐인 스레드가 실행해 주기를 기다림</translation>
    </message>
    <message>
        <source>ready: runnable, waiting for a core (the operating system&apos;s run queue)</source>
        <translation>ready(준비): 실행할 수 있지만 코어를 기다림(운영체제의 실행 큐)</translation>
    </message>
    <message>
        <source>waiting for a slot: only so many downloads may be in flight at once (a semaphore)</source>
        <translation>자리를 기다림: 동시에 진행할 수 있는 다운로드 수가 정해져 있음(세마포어)</translation>
    </message>
    <message>
        <source>queued, waiting for a free worker of the pool</source>
        <translation>큐에서 풀의 빈 워커를 기다림</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; holds the interpreter lock&lt;br&gt;%2, from %3 to %4&lt;br&gt;the other threads wait for it (lock-wait)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;이(가) 인터프리터 락을 가짐&lt;br&gt;%2, %3부터 %4까지&lt;br&gt;다른 스레드는 락을 기다림(lock-wait)</translation>
    </message>
    <message>
        <source>&lt;b&gt;cores&lt;/b&gt;&lt;br&gt;%1 %2 computing at %3, on a machine with %4 %5&lt;br&gt;on average %6 cores busy over the run</source>
        <translation>&lt;b&gt;코어&lt;/b&gt;&lt;br&gt;%3에 계산 중인 %2 %1개, 이 컴퓨터의 %5 %4개 중&lt;br&gt;실행 동안 평균 %6개 코어 사용</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>레인</translation>
    </message>
    <message>
        <source>lanes</source>
        <translation>레인</translation>
    </message>
    <message>
        <source>core</source>
        <translation>코어</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>코어</translation>
    </message>
    <message>
        <source>&lt;b&gt;ideal %1&lt;/b&gt;: the time the theory predicts</source>
        <translation>&lt;b&gt;이상 %1&lt;/b&gt;: 이론이 예측하는 시간</translation>
    </message>
    <message>
        <source>&lt;b&gt;task %1&lt;/b&gt; on %2</source>
        <translation>&lt;b&gt;작업 %1&lt;/b&gt;, %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;state: &lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;br&gt;상태: &lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1, from %2 to %3</source>
        <translation>&lt;br&gt;%1, %2부터 %3까지</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:#A03000&apos;&gt;error: %1&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#A03000&apos;&gt;오류: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;the loop&apos;s own work for all the downloads in flight: libcurl connecting, sending, reading and closing</source>
        <translation>&lt;br&gt;진행 중인 모든 다운로드를 위한 루프 자신의 일: libcurl의 연결, 보내기, 읽기, 닫기</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;br&gt;task %1 spent:</source>
        <translation>&lt;br&gt;&lt;br&gt;작업 %1이 쓴 시간:</translation>
    </message>
    <message>
        <source>lane %1</source>
        <translation>레인 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;queue&lt;/b&gt;&lt;br&gt;%1 %2 waiting for a worker at %3</source>
        <translation>&lt;b&gt;큐&lt;/b&gt;&lt;br&gt;%3에 워커를 기다리는 %2 %1개</translation>
    </message>
    <message>
        <source>task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>&lt;b&gt;Timeline&lt;/b&gt;&lt;br&gt;wheel: zoom around the pointer&lt;br&gt;drag: pan (left/right) and scroll the rows (up/down)&lt;br&gt;Shift+drag: measure a time range&lt;br&gt;Ctrl+wheel or the scroll bar: scroll the rows&lt;br&gt;+ / −: zoom, F: fit to window, Esc: clear the measurement&lt;br&gt;hover a bar: its task, state and where its time went</source>
        <translation>&lt;b&gt;타임라인&lt;/b&gt;&lt;br&gt;휠: 포인터 위치를 중심으로 확대·축소&lt;br&gt;드래그: 좌우로 이동, 위아래로 행 스크롤&lt;br&gt;Shift+드래그: 시간 구간 재기&lt;br&gt;Ctrl+휠 또는 스크롤 막대: 행 스크롤&lt;br&gt;+ / −: 확대·축소, F: 창에 맞추기, Esc: 잰 구간 지우기&lt;br&gt;막대에 올리기: 그 작업, 상태, 시간을 어디에 썼는지</translation>
    </message>
</context>
<context>
    <name>mtlab::AnnotationEditor</name>
    <message>
        <source>&amp;Edit note…</source>
        <translation>메모 편집(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove note</source>
        <translation>메모 삭제(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;note here…</source>
        <translation>여기에 메모 추가(&amp;N)…</translation>
    </message>
    <message>
        <source>Note: Enter keeps it, Esc cancels</source>
        <translation>메모: Enter로 저장, Esc로 취소</translation>
    </message>
    <message>
        <source>Drag to move the note, Ctrl+drag to move its box alone; double-click to edit; Delete removes it.</source>
        <translation>끌어서 메모를 옮기고, Ctrl을 누른 채 끌면 상자만 옮깁니다. 두 번 클릭하면 편집하고, Delete 키로 지웁니다.</translation>
    </message>
</context>
<context>
    <name>mtlab::ExperimentPanel</name>
    <message>
        <source>Your own experiment</source>
        <translation>직접 만든 실험</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>I/O: download a page</source>
        <translation>I/O: 페이지 다운로드</translation>
    </message>
    <message>
        <source>CPU: sum of squares</source>
        <translation>CPU: 제곱의 합</translation>
    </message>
    <message>
        <source>sync: one at a time</source>
        <translation>동기: 하나씩 차례로</translation>
    </message>
    <message>
        <source>threads: a pool</source>
        <translation>스레드: 스레드 풀</translation>
    </message>
    <message>
        <source>async: an event loop</source>
        <translation>비동기: 이벤트 루프</translation>
    </message>
    <message>
        <source>processes: a pool</source>
        <translation>프로세스: 프로세스 풀</translation>
    </message>
    <message>
        <source>all, one after another</source>
        <translation>전부, 하나씩 이어서</translation>
    </message>
    <message>
        <source>default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <source>Threads: 5 by default. Processes: one per CPU (%1 here).</source>
        <translation>스레드: 기본 5개. 프로세스: CPU마다 하나(이 컴퓨터는 %1개).</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>작업 종류</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>작업 수</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>워커 수</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Task i sums i² below n + i. The article&apos;s n is 5,000,000.</source>
        <translation>작업 i는 n + i 미만의 i²를 더합니다. 글의 n은 5,000,000입니다.</translation>
    </message>
    <message>
        <source>Size n</source>
        <translation>크기 n</translation>
    </message>
    <message>
        <source>Computing</source>
        <translation>계산</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long the embedded server thinks before it answers.</source>
        <translation>내장 서버가 답하기 전에 생각하는 시간.</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <source>HTTPS (TLS)</source>
        <translation>HTTPS (TLS)</translation>
    </message>
    <message>
        <source>The embedded server speaks HTTPS, with a certificate made for this run that only this run trusts: every new connection starts with a TLS handshake.</source>
        <translation>내장 서버가 HTTPS로 답합니다. 인증서는 이번 실행을 위해 만들고 이번 실행만 믿습니다. 새 연결은 모두 TLS 핸드셰이크로 시작합니다.</translation>
    </message>
    <message>
        <source>How long the server makes each TLS handshake take: the set-up that a reused connection is spared. Needs HTTPS.</source>
        <translation>서버가 TLS 핸드셰이크마다 들이는 시간: 연결을 재사용하면 아낄 수 있는 준비 과정입니다. HTTPS가 필요합니다.</translation>
    </message>
    <message>
        <source>the embedded server</source>
        <translation>내장 서버</translation>
    </message>
    <message>
        <source>Reuse connections (a session per worker)</source>
        <translation>연결 재사용(워커마다 세션 하나)</translation>
    </message>
    <message>
        <source>Server delay</source>
        <translation>서버 지연</translation>
    </message>
    <message>
        <source>Body size</source>
        <translation>본문 크기</translation>
    </message>
    <message>
        <source>Connection set-up</source>
        <translation>연결 준비</translation>
    </message>
    <message>
        <source>Or a URL</source>
        <translation>또는 URL</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>Emulate it (as in CPython)</source>
        <translation>흉내 내기(CPython처럼)</translation>
    </message>
    <message>
        <source>Only the thread holding the lock may compute; it changes hands every switch interval.</source>
        <translation>락을 가진 스레드만 계산할 수 있고, 락은 전환 간격마다 다른 스레드로 넘어갑니다.</translation>
    </message>
    <message>
        <source>Switch interval</source>
        <translation>전환 간격</translation>
    </message>
    <message>
        <source>Interpreter lock (GIL)</source>
        <translation>인터프리터 락(GIL)</translation>
    </message>
    <message>
        <source>Change anything you like, then press Run.</source>
        <translation>원하는 대로 바꾼 뒤 실행을 누르세요.</translation>
    </message>
    <message>
        <source>A blocking call in each task</source>
        <translation>작업마다 블로킹 호출</translation>
    </message>
    <message>
        <source>Each task downloads with a blocking call, like requests.get inside async def: the loop&apos;s one thread waits for each answer in turn, the others wait in its ready list.</source>
        <translation>작업마다 async def 안에서 requests.get을 부르듯 블로킹 호출로 다운로드합니다: 루프의 단 하나뿐인 스레드가 응답을 하나씩 차례로 기다리고, 나머지 작업은 준비 목록에서 기다립니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>One more task computes this long without an await: the answers that arrive meanwhile cannot be read until it is done.</source>
        <translation>작업 하나가 더 await 없이 이만큼 계산합니다: 그동안 도착한 응답은 그 계산이 끝날 때까지 읽히지 못합니다.</translation>
    </message>
    <message>
        <source>in one go</source>
        <translation>한 번에</translation>
    </message>
    <message>
        <source>The hog computes in slices this long with an await between them, which lets the waiting tasks through.</source>
        <translation>독점 작업이 이 길이의 조각으로 나누어 계산하고 조각 사이마다 await 하므로, 기다리던 작업들이 그 틈에 실행됩니다.</translation>
    </message>
    <message>
        <source>Hog computes</source>
        <translation>독점 작업의 계산</translation>
    </message>
    <message>
        <source>In slices of</source>
        <translation>조각 길이</translation>
    </message>
    <message>
        <source>Starving the event loop</source>
        <translation>이벤트 루프 굶기기</translation>
    </message>
    <message>
        <source>Only for downloads under the async strategy.</source>
        <translation>비동기 전략의 다운로드에만 적용됩니다.</translation>
    </message>
    <message>
        <source>Shared counter: races and locks</source>
        <translation>공유 카운터: 경쟁 상태와 락</translation>
    </message>
    <message>
        <source>How many times each task adds 1 to the shared counter.</source>
        <translation>작업마다 공유 카운터에 1을 더하는 횟수.</translation>
    </message>
    <message>
        <source>nothing: updates can be lost</source>
        <translation>없음: 갱신을 잃을 수 있음</translation>
    </message>
    <message>
        <source>a lock: one task at a time</source>
        <translation>락: 한 번에 작업 하나</translation>
    </message>
    <message>
        <source>a semaphore: a few tasks at a time</source>
        <translation>세마포어: 한 번에 작업 몇 개</translation>
    </message>
    <message>
        <source>What guards the update: read the counter, compute, write it back plus one.</source>
        <translation>갱신을 무엇으로 보호할지: 카운터를 읽고, 계산하고, 1을 더해 다시 씁니다.</translation>
    </message>
    <message>
        <source>How many tasks the semaphore lets in at once (at most the number of tasks).</source>
        <translation>세마포어가 한 번에 들여보내는 작업 수(최대 작업 수까지).</translation>
    </message>
    <message>
        <source>An await inside the update (async)</source>
        <translation>갱신 안에 await(비동기)</translation>
    </message>
    <message>
        <source>value = counter; await asyncio.sleep(0); counter = value + 1: the other tasks run in the middle of each update.</source>
        <translation>value = counter; await asyncio.sleep(0); counter = value + 1: 갱신마다 그 도중에 다른 작업이 실행됩니다.</translation>
    </message>
    <message>
        <source>Additions per task</source>
        <translation>작업당 더하기 횟수</translation>
    </message>
    <message>
        <source>Guard</source>
        <translation>보호</translation>
    </message>
    <message>
        <source>Permits</source>
        <translation>허용 수</translation>
    </message>
    <message>
        <source>Shared counter</source>
        <translation>공유 카운터</translation>
    </message>
</context>
<context>
    <name>mtlab::ExportActions</name>
    <message>
        <source>Export &amp;picture…</source>
        <translation>그림 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Copy picture</source>
        <translation>그림 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Export trace as C&amp;hrome JSON…</source>
        <translation>트레이스를 Chrome JSON으로 내보내기(&amp;H)…</translation>
    </message>
    <message>
        <source>Export trace as C&amp;SV…</source>
        <translation>트레이스를 CSV로 내보내기(&amp;S)…</translation>
    </message>
    <message>
        <source>Save what the current tab shows as a PNG, SVG or PDF picture for slides</source>
        <translation>현재 탭의 내용을 슬라이드용 PNG, SVG, PDF 그림으로 저장</translation>
    </message>
    <message>
        <source>Copy what the current tab shows to the clipboard, to paste into slides</source>
        <translation>현재 탭의 내용을 클립보드에 복사해 슬라이드에 붙여 넣기</translation>
    </message>
    <message>
        <source>Save the spans for Perfetto or chrome://tracing</source>
        <translation>Perfetto나 chrome://tracing에서 볼 수 있게 구간을 저장</translation>
    </message>
    <message>
        <source>Save every span as a row, for spreadsheets and scripts</source>
        <translation>모든 구간을 한 줄씩 저장(스프레드시트와 스크립트용)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>PNG image, double resolution (*.png)</source>
        <translation>PNG 이미지, 두 배 해상도 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>그림 내보내기</translation>
    </message>
    <message>
        <source>Export trace as Chrome JSON</source>
        <translation>트레이스를 Chrome JSON으로 내보내기</translation>
    </message>
    <message>
        <source>Chrome trace (*.json)</source>
        <translation>Chrome 트레이스 (*.json)</translation>
    </message>
    <message>
        <source>Export trace as CSV</source>
        <translation>트레이스를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>The picture could not be drawn.</source>
        <translation>그림을 그릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Picture copied to the clipboard (%1 × %2).</source>
        <translation>그림을 클립보드에 복사했습니다 (%1 × %2).</translation>
    </message>
</context>
<context>
    <name>mtlab::FileActions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved session or a trace of Chrome, Perfetto, Node.js or VizTracer</source>
        <translation>저장한 세션이나 Chrome, Perfetto, Node.js, VizTracer의 트레이스 열기</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>세션 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save every run of the Runs list, with pins and names, to open again later</source>
        <translation>실행 목록의 모든 실행을 고정과 이름까지 저장해 나중에 다시 열기</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>다른 이름으로 세션 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <source>Open a session or a trace</source>
        <translation>세션이나 트레이스 열기</translation>
    </message>
    <message>
        <source>Traces and sessions (*.json *.trace);;All files (*)</source>
        <translation>트레이스와 세션 (*.json *.trace);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Nothing to save yet: the Runs list is empty.</source>
        <translation>아직 저장할 것이 없습니다: 실행 목록이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <source>Sessions (*.json)</source>
        <translation>세션 (*.json)</translation>
    </message>
    <message>
        <source>Could not save the session: %1</source>
        <translation>세션을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>저장할 수 없음</translation>
    </message>
    <message numerus="yes">
        <source>Saved the session (%n run(s)) to %1.</source>
        <translation>
            <numerusform>세션(실행 %n개)을 %1에 저장했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>여는 중</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>%1 열기를 취소했습니다.</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Could not open</source>
        <translation>열 수 없음</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n run(s).</source>
        <translation>
            <numerusform>%1을(를) 열었습니다: 실행 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
</context>
<context>
    <name>mtlab::LessonDialog</name>
    <message>
        <source>What am I looking at?</source>
        <translation>무엇을 보고 있나요?</translation>
    </message>
</context>
<context>
    <name>mtlab::LessonPanel</name>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ 이전(&amp;P)</translation>
    </message>
    <message>
        <source>The previous step (Alt+←)</source>
        <translation>이전 단계 (Alt+←)</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>다음(&amp;N) ▶</translation>
    </message>
    <message>
        <source>The next step (Alt+→)</source>
        <translation>다음 단계 (Alt+→)</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>불러오기(&amp;L)</translation>
    </message>
    <message>
        <source>Load and r&amp;un</source>
        <translation>불러와서 실행(&amp;U)</translation>
    </message>
    <message>
        <source>Set up the step&apos;s experiment and run it at once</source>
        <translation>이 단계의 실험을 설정하고 바로 실행</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>The class guesses, before the run</source>
        <translation>실행 전에 예상해 보기</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the article step by step: its Python, the preset to run, the class&apos;s guess</source>
        <translation>글을 단계별로 따라가기: 파이썬 코드, 실행할 프리셋, 수업의 예상</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>%1/%2단계</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>프리셋: %1</translation>
    </message>
    <message>
        <source>No guess yet</source>
        <translation>아직 예상 없음</translation>
    </message>
    <message>
        <source>Wall time:</source>
        <translation>걸리는 시간:</translation>
    </message>
    <message>
        <source>Faster than sync</source>
        <translation>동기보다 빠름</translation>
    </message>
    <message>
        <source>About the same as sync</source>
        <translation>동기와 비슷함</translation>
    </message>
    <message>
        <source>Slower than sync</source>
        <translation>동기보다 느림</translation>
    </message>
    <message>
        <source>The guess goes with the next run.</source>
        <translation>이 예상은 다음 실행과 함께 기록됩니다.</translation>
    </message>
    <message>
        <source>Set up the step&apos;s experiment</source>
        <translation>이 단계의 실험을 설정</translation>
    </message>
</context>
<context>
    <name>mtlab::MainWindow</name>
    <message>
        <source>I/O: 1 download</source>
        <translation>I/O: 다운로드 1회</translation>
    </message>
    <message>
        <source>I/O: %1 downloads</source>
        <translation>I/O: 다운로드 %1회</translation>
    </message>
    <message>
        <source>CPU: 1 sum of squares</source>
        <translation>CPU: 제곱의 합 1개</translation>
    </message>
    <message>
        <source>CPU: %1 sums of squares</source>
        <translation>CPU: 제곱의 합 %1개</translation>
    </message>
    <message>
        <source>Multitask Lab</source>
        <translation>멀티태스크 랩</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Ready: pick a preset on the left, then press Run (F5).</source>
        <translation>준비됨: 왼쪽에서 프리셋을 고른 뒤 실행(F5)을 누르세요.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run the experiment set up on the left</source>
        <translation>왼쪽에 설정한 실험을 실행</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the run; what was recorded so far stays on the timeline</source>
        <translation>실행을 멈춥니다. 지금까지 기록한 것은 타임라인에 남습니다</translation>
    </message>
    <message>
        <source>&amp;Sweep workers</source>
        <translation>워커 수 바꿔 가며 실행(&amp;S)</translation>
    </message>
    <message>
        <source>Run the pool with 1, 2, … workers and chart the speedup</source>
        <translation>풀을 워커 1, 2, …개로 실행하고 속도 향상을 차트로 그림</translation>
    </message>
    <message>
        <source>Experiment &amp;panel</source>
        <translation>실험 패널(&amp;P)</translation>
    </message>
    <message>
        <source>Hide the panel to give the whole width to the timeline; F5 and Esc still run and cancel</source>
        <translation>패널을 숨겨 타임라인에 전체 너비를 줍니다. F5와 Esc로 여전히 실행하고 취소할 수 있습니다</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>프리셋(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>타임라인(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Comparison</source>
        <translation>비교(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;What am I looking at?</source>
        <translation>무엇을 보고 있나요?(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;About Multitask Lab</source>
        <translation>멀티태스크 랩 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source> (run %1 of %2)</source>
        <translation> (%2번 중 %1번째 실행)</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 실행 중…</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>%1을(를) 실행할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>실행할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not run</source>
        <translation>실행할 수 없음</translation>
    </message>
    <message>
        <source>Cancelled %1: %2.</source>
        <translation>%1 취소됨: %2.</translation>
    </message>
    <message>
        <source>Done: %1 in %2.</source>
        <translation>완료: %1 — %2.</translation>
    </message>
    <message>
        <source>Done: %1, all strategies. The Comparison tab shows them on one time axis.</source>
        <translation>완료: %1, 모든 전략. 비교 탭에서 한 시간 축에 모아 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Done: %1, %2 with 1 to %3 workers. The Comparison tab charts the speedup.</source>
        <translation>완료: %1, %2(워커 1~%3개). 비교 탭에 속도 향상 차트가 있습니다.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Multitask Lab %1&lt;/h3&gt;&lt;p&gt;Runs one workload, downloads or computing, under four strategies (sync, threads, async, processes) and draws what every worker did, to see concurrency and parallelism instead of imagining them.&lt;/p&gt;&lt;p&gt;After the blog post &lt;i&gt;Multitasking in Python&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;Qt %2, libcurl %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;멀티태스크 랩 %1&lt;/h3&gt;&lt;p&gt;다운로드나 계산 같은 작업 하나를 네 가지 전략(동기, 스레드, 비동기, 프로세스)으로 실행하고 워커마다 한 일을 그려, 동시성과 병렬성을 상상하는 대신 눈으로 봅니다.&lt;/p&gt;&lt;p&gt;블로그 글 &lt;i&gt;Multitasking in Python&lt;/i&gt;에서 출발했습니다.&lt;/p&gt;&lt;p&gt;Qt %2, libcurl %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Multitask Lab</source>
        <translation>멀티태스크 랩 정보</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>The new language applies when Multitask Lab starts again.</source>
        <translation>새 언어는 멀티태스크 랩을 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>As the &amp;system</source>
        <translation>시스템 설정대로(&amp;S)</translation>
    </message>
    <message>
        <source>The machine was busy during this run: other programs used the cores; timings may be off.</source>
        <translation>이 실행 중에 컴퓨터가 바빴습니다: 다른 프로그램이 코어를 썼으므로 시간이 정확하지 않을 수 있습니다.</translation>
    </message>
    <message>
        <source>R&amp;epeat ×N</source>
        <translation>반복 ×N(&amp;E)</translation>
    </message>
    <message>
        <source>Run the experiment as many times as the Repeat box says; the comparison shows the median with the spread</source>
        <translation>반복 상자에 적힌 횟수만큼 실험을 실행하고, 비교에 중앙값과 범위(최소–최대)를 보여 줌</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message>
        <source>Done: %1, %2 times; the comparison shows the median.</source>
        <translation>완료: %1, %2회. 비교 탭에 중앙값이 나옵니다.</translation>
    </message>
    <message>
        <source>Shared counter: 1 task</source>
        <translation>공유 카운터: 작업 1개</translation>
    </message>
    <message>
        <source>Shared counter: %1 tasks</source>
        <translation>공유 카운터: 작업 %1개</translation>
    </message>
</context>
<context>
    <name>mtlab::PresentationMode</name>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with large type for a projector; Run stays at the top</source>
        <translation>프로젝터용 큰 글씨의 전체 화면. 실행 버튼은 위쪽에 그대로 있습니다</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>글씨 크게(&amp;L)</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Larger text (Ctrl+=)</source>
        <translation>글씨 크게 (Ctrl+=)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>글씨 작게(&amp;S)</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>글씨 작게 (Ctrl+-)</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>발표</translation>
    </message>
    <message>
        <source>Load a preset</source>
        <translation>프리셋 불러오기</translation>
    </message>
    <message>
        <source>Your own experiment</source>
        <translation>직접 만든 실험</translation>
    </message>
    <message>
        <source>Presentation &amp;text size</source>
        <translation>발표 모드 글씨 크기(&amp;T)</translation>
    </message>
</context>
<context>
    <name>mtlab::ReplayPane</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>다시 보기</translation>
    </message>
    <message>
        <source>The run whose tasks the panel shows</source>
        <translation>패널이 작업을 보여 주는 실행</translation>
    </message>
    <message>
        <source>To the start (Home)</source>
        <translation>처음으로 (Home)</translation>
    </message>
    <message>
        <source>One event back (Left)</source>
        <translation>이벤트 하나 뒤로 (왼쪽 화살표)</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>재생 또는 일시 정지 (Space)</translation>
    </message>
    <message>
        <source>One event on (Right)</source>
        <translation>이벤트 하나 앞으로 (오른쪽 화살표)</translation>
    </message>
    <message>
        <source>To the end (End)</source>
        <translation>끝으로 (End)</translation>
    </message>
    <message>
        <source>How fast the replay plays, against the run&apos;s real time</source>
        <translation>실행의 실제 시간에 견준 재생 속도</translation>
    </message>
    <message>
        <source>%1× real time</source>
        <translation>실제 시간의 %1×</translation>
    </message>
    <message>
        <source>one event at a time</source>
        <translation>한 번에 이벤트 하나씩</translation>
    </message>
    <message>
        <source>Drag to move the playhead (or drag on the timeline&apos;s time axis)</source>
        <translation>끌어서 재생 위치를 옮김 (타임라인의 시간 축을 끌어도 됨)</translation>
    </message>
    <message>
        <source>Replay: %1</source>
        <translation>다시 보기: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>mtlab::RunBox</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Run the experiment (F5)</source>
        <translation>실험 실행(F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop the run (Esc)</source>
        <translation>실행 멈춤(Esc)</translation>
    </message>
    <message>
        <source>1 to </source>
        <translation>1~</translation>
    </message>
    <message>
        <source> workers</source>
        <translation> 워커</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>워커 수 바꾸기</translation>
    </message>
    <message>
        <source>Run the pool once for each number of workers and chart the speedup</source>
        <translation>워커 수마다 풀을 한 번씩 실행하고 속도 향상을 차트로 그림</translation>
    </message>
    <message>
        <source>%v / %m tasks</source>
        <translation>작업 %v / %m</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>%1
%2 of %3 tasks, %4 s</source>
        <translation>%1
작업 %3개 중 %2개, %4초</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source> times</source>
        <translation>회</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Run the same experiment several times: the comparison shows the median with the spread (Ctrl+F5)</source>
        <translation>같은 실험을 여러 번 실행: 비교에 중앙값과 범위가 나옴 (Ctrl+F5)</translation>
    </message>
    <message>
        <source>Run the article&apos;s Python</source>
        <translation>글의 파이썬 실행</translation>
    </message>
    <message>
        <source>Run the article&apos;s own Python program of this experiment with python3, traced, and show it beside the lab&apos;s runs (I/O and CPU work)</source>
        <translation>이 실험에 해당하는 글의 파이썬 프로그램을 python3로 추적하며 실행하고, 실험실의 실행 옆에 보여 줌 (I/O와 CPU 작업)</translation>
    </message>
</context>
<context>
    <name>mtlab::RunController</name>
    <message>
        <source>%1 s, all %2 tasks ok</source>
        <translation>%1초, 작업 %2개 모두 성공</translation>
    </message>
    <message>
        <source>%1 s, %2 of %3 tasks ok</source>
        <translation>%1초, 작업 %3개 중 %2개 성공</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>, %1개 실패</translation>
    </message>
</context>
<context>
    <name>mtlab::RunList</name>
    <message>
        <source>The machine was busy during this run: other programs used the cores; timings may be off.</source>
        <translation>이 실행 중에 컴퓨터가 바빴습니다: 다른 프로그램이 코어를 썼으므로 시간이 정확하지 않을 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1–%2, %3 runs</source>
        <translation>%1–%2, %3회 실행</translation>
    </message>
    <message>
        <source>%1 runs: %2; the median is shown</source>
        <translation>%1회 실행: %2. 중앙값을 보여 줌</translation>
    </message>
    <message>
        <source>Pinned: stays in the comparison when new runs come</source>
        <translation>고정됨: 새 실행이 와도 비교에 남음</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>경과 시간</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>At</source>
        <translation>시각</translation>
    </message>
</context>
<context>
    <name>mtlab::RunListView</name>
    <message>
        <source>Tick the runs to compare; double-click a name to rename it.</source>
        <translation>비교할 실행에 체크하세요. 이름을 두 번 클릭하면 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>고정(&amp;P)</translation>
    </message>
    <message>
        <source>Keep the run in the comparison when new runs come (Ctrl+P)</source>
        <translation>새 실행이 와도 이 실행을 비교에 남김 (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>위로(&amp;U)</translation>
    </message>
    <message>
        <source>Show the run higher in the comparison (Ctrl+Up)</source>
        <translation>비교에서 이 실행을 한 칸 위로 (Ctrl+Up)</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>아래로(&amp;D)</translation>
    </message>
    <message>
        <source>Show the run lower in the comparison (Ctrl+Down)</source>
        <translation>비교에서 이 실행을 한 칸 아래로 (Ctrl+Down)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>삭제(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the run from the list (Delete)</source>
        <translation>목록에서 이 실행을 삭제 (Delete)</translation>
    </message>
    <message>
        <source>&amp;Clear unpinned</source>
        <translation>고정 안 된 실행 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Remove every run that is not pinned</source>
        <translation>고정되지 않은 실행을 모두 삭제</translation>
    </message>
</context>
<context>
    <name>mtlab::StatePanel</name>
    <message>
        <source>the name lookup</source>
        <translation>이름 조회</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>the TLS handshake</source>
        <translation>TLS 핸드셰이크</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>the transfer</source>
        <translation>전송</translation>
    </message>
    <message>
        <source>a timer</source>
        <translation>타이머</translation>
    </message>
    <message>
        <source>a semaphore</source>
        <translation>세마포어</translation>
    </message>
    <message>
        <source>a lock</source>
        <translation>락</translation>
    </message>
    <message>
        <source>computing</source>
        <translation>계산 중</translation>
    </message>
    <message>
        <source>ready, no core</source>
        <translation>준비됨, 코어 없음</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>%1 기다리는 중</translation>
    </message>
    <message>
        <source>waits for the lock</source>
        <translation>락 기다리는 중</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작하는 중</translation>
    </message>
    <message>
        <source>sending data</source>
        <translation>데이터 보내는 중</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>유휴</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1개 더</translation>
    </message>
    <message>
        <source>What every task is doing at the playhead. Click a task to follow it.</source>
        <translation>재생 위치에서 각 작업이 하는 일. 작업을 누르면 그 작업을 따라갑니다.</translation>
    </message>
    <message>
        <source>Done: %1 of %2 tasks</source>
        <translation>완료: 작업 %2개 중 %1개</translation>
    </message>
    <message>
        <source>Running on the loop</source>
        <translation>루프에서 실행 중</translation>
    </message>
    <message>
        <source>one task at a time</source>
        <translation>한 번에 작업 하나</translation>
    </message>
    <message>
        <source>its own work inside libcurl</source>
        <translation>libcurl 안에서 루프 자신의 일</translation>
    </message>
    <message>
        <source>nothing: the loop sleeps until I/O is ready</source>
        <translation>없음: I/O가 준비될 때까지 루프가 잠듦</translation>
    </message>
    <message>
        <source>Ready (%1)</source>
        <translation>준비 목록 (%1)</translation>
    </message>
    <message>
        <source>can run, waiting for the loop</source>
        <translation>실행할 수 있고 루프를 기다림</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <source>Waiting (%1)</source>
        <translation>대기 목록 (%1)</translation>
    </message>
    <message>
        <source>for I/O, a timer or a semaphore</source>
        <translation>I/O, 타이머 또는 세마포어를 기다림</translation>
    </message>
    <message>
        <source>for %1 (%2)</source>
        <translation>%1 기다림 (%2)</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>what each one does</source>
        <translation>각 워커가 하는 일</translation>
    </message>
    <message>
        <source>task %1 · %2</source>
        <translation>작업 %1 · %2</translation>
    </message>
    <message>
        <source>On a core (%1)</source>
        <translation>코어에서 실행 중 (%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>can run, waiting for a core</source>
        <translation>실행할 수 있고 코어를 기다림</translation>
    </message>
    <message>
        <source>Queue (%1)</source>
        <translation>큐 (%1)</translation>
    </message>
    <message>
        <source>waiting for a free worker</source>
        <translation>빈 워커를 기다림</translation>
    </message>
    <message>
        <source>Interpreter lock</source>
        <translation>인터프리터 락</translation>
    </message>
    <message>
        <source>one thread runs Python at a time</source>
        <translation>한 번에 스레드 하나만 파이썬을 실행</translation>
    </message>
    <message>
        <source>held by</source>
        <translation>가진 작업</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>작업 %1</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>waiting for it (%1)</source>
        <translation>락을 기다리는 작업 (%1)</translation>
    </message>
    <message>
        <source>When a run has finished, replay it here: what each task is doing at the playhead.</source>
        <translation>실행이 끝나면 여기서 다시 봅니다: 재생 위치에서 각 작업이 하는 일.</translation>
    </message>
    <message>
        <source>computing, in a race</source>
        <translation>계산 중, 경쟁 상태</translation>
    </message>
    <message>
        <source>task %1 · blocks the loop</source>
        <translation>작업 %1 · 루프를 막음</translation>
    </message>
</context>
<context>
    <name>mtlab::SweepChart</name>
    <message>
        <source>Speedup against workers</source>
        <translation>워커 수에 따른 속도 향상</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>측정</translation>
    </message>
    <message>
        <source>ideal</source>
        <translation>이상</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>speedup over 1 worker (×)</source>
        <translation>워커 1개 대비 속도 향상(×)</translation>
    </message>
</context>
<context>
    <name>mtlab::TimelineView</name>
    <message>
        <source>Run an experiment to see its timeline here.</source>
        <translation>실험을 실행하면 여기에 타임라인이 나타납니다.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>mtlab::ViewControls</name>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Keep the time scale between runs</source>
        <translation>실행 사이에 시간 축 유지(&amp;K)</translation>
    </message>
    <message>
        <source>Draw the next run on the same time axis, so a faster run visibly ends sooner</source>
        <translation>다음 실행을 같은 시간 축에 그려, 더 빠른 실행이 눈에 띄게 일찍 끝나게 함</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>축소 (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>확대 (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Show the whole run (Ctrl+0)</source>
        <translation>실행 전체 보기 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Keep scale</source>
        <translation>축 유지</translation>
    </message>
</context>
<context>
    <name>mtlab::WallTimeChart</name>
    <message>
        <source>Wall time</source>
        <translation>경과 시간</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source> + lock</source>
        <translation> + 락</translation>
    </message>
    <message>
        <source>median of %1</source>
        <translation>%1회의 중앙값</translation>
    </message>
</context>
</TS>
