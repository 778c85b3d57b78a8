// multitask-lab-worker: the process pool's worker for every workload (it links libcurl).
#include "workerloop.h"
#include "workloadfactory.h"

int main(int argc, char *argv[])
{
    return mtlab::workerMain(argc, argv, mtlab::makeWorkload);
}
