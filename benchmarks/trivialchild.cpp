// The floor for starting a worker: a static program that does nothing but report, as the worker's
// ready message does, the moment its main() runs. bench_engine starts it the way the process pool
// starts a worker, so the worker's spawn time reads as a multiple of what this machine allows.
#include <cstdio>
#include <ctime>

int main()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    std::printf("%lld\n", static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec);
    return 0;
}
