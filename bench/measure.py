"""Run a command and print its wall time, CPU time and peak RSS as JSON (one fresh process per measurement)."""

import json
import resource
import subprocess
import sys
import time

started = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(
    json.dumps(
        {
            "wall": wall,
            "user": usage.ru_utime,
            "sys": usage.ru_stime,
            "maxrss_kb": usage.ru_maxrss,
            "returncode": proc.returncode,
            "stdout": proc.stdout[-4000:],
            "stderr": proc.stderr[-2000:],
        }
    )
)
