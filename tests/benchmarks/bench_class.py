"""A class on one JupyterHub: N students at once open lesson 02 and answer every question through the kernel.

Beside the class, in the same run, the floor: one student alone on the same hub.
Prints, per student: memory of their server + kernel (RSS, and USS = memory
that is theirs alone), time to a ready lesson (server start, nbgitpuller pull,
kernel start, every question cell run), and answer-save latency (p50/p95):
the round trip of one answer through the hub's proxy to the kernel, which
saves it to the answers file, and the time of the save inside the kernel.
Two floors of the round trip are measured beside each answer: a cell that does
nothing, and a plain ipywidgets slider change (widget messages, nothing saved).

    python tests/benchmarks/bench_class.py               # 10 students (run_all.py runs this)
    python tests/benchmarks/bench_class.py --students 30 --ipc  # a class of 30 (on demand)

Targets: <= 300 MiB per student, p95 answer save <= 50 ms, for a class of 30.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from _common import ROOT, report

from kit import settings
from kit.questions import load_bank, load_key
from kit.scoring import model_value
from tests.hub import hubkit

LESSON, NOTEBOOK = "L02", "class-copy/02-anatomy-of-an-argument.ipynb"
MIB = 1024 * 1024


@dataclass
class Student:
    name: str
    spawn: float = 0.0
    ready: float = 0.0
    round_trips: list[float] = field(default_factory=list)
    in_kernel: list[float] = field(default_factory=list)
    no_op: list[float] = field(default_factory=list)
    slider: list[float] = field(default_factory=list)
    rss: float = 0.0
    uss: float = 0.0
    reconnects: int = 0


def answers() -> dict:
    bank, key = load_bank(LESSON), load_key(LESSON)
    return {q.id: model_value(q, key[q.id]) for q in bank}


def work(hub: hubkit.Hub, repo: Path, name: str, values: dict, think: float) -> tuple[Student, hubkit.Kernel]:
    """One student: server, pull, open the lesson (every question cell), answer every question."""
    student = Student(name)
    start = time.perf_counter()
    server = hub.spawn(name)
    student.spawn = time.perf_counter() - start
    server.git_pull(str(repo))
    kernel = server.kernel(NOTEBOOK)
    kernel.run(f"import json, time, kit\nlesson = kit.lesson.start({LESSON!r})\nasked = {{q: lesson.ask(q) for q in {list(values)!r}}}\ninside = []\nimport ipywidgets\nslider = ipywidgets.IntSlider()")
    student.ready = time.perf_counter() - start
    for qid, value in values.items():
        time.sleep(think)  # a student reads the question before answering
        begin = time.perf_counter()
        kernel.run("pass")  # the floor: a round trip that saves nothing
        student.no_op.append(time.perf_counter() - begin)
        begin = time.perf_counter()
        kernel.run("slider.value = (slider.value + 1) % 100")  # a plain widget change, nothing saved
        student.slider.append(time.perf_counter() - begin)
        begin = time.perf_counter()
        kernel.run(f"t = time.perf_counter(); asked[{qid!r}].value = json.loads({json.dumps(value)!r}); "
                   "inside.append(time.perf_counter() - t)")
        student.round_trips.append(time.perf_counter() - begin)
    student.in_kernel = json.loads(kernel.run("print(json.dumps(inside))"))
    student.reconnects = kernel.reconnects
    return student, kernel


def measure_memory(students: list[Student]) -> None:
    """RSS and USS of each student's server and kernels (found by the JUPYTERHUB_USER they run with)."""
    import psutil

    by_user: dict[str, list] = {}
    for process in psutil.process_iter():
        try:
            user = process.environ().get("JUPYTERHUB_USER")
            if user:
                by_user.setdefault(user, []).append(process.memory_full_info())
        except (psutil.Error, OSError):
            continue
    for student in students:
        infos = by_user.get(student.name, [])
        student.rss = sum(i.rss for i in infos) / MIB
        student.uss = sum(i.uss for i in infos) / MIB


def hub_memory() -> float:
    """RSS (MiB) of JupyterHub and its proxy (everything but the students' servers and kernels)."""
    import psutil

    total = 0
    for process in psutil.process_iter(["cmdline"]):
        try:
            line = " ".join(process.info["cmdline"] or [])
            if ("-m jupyterhub -f" in line or "configurable-http-proxy" in line) and "JUPYTERHUB_USER" not in process.environ():
                total += process.memory_info().rss
        except (psutil.Error, OSError):
            continue
    return total / MIB


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def figures(title: str, students: list[Student], wall: float) -> dict:
    trips = [t for s in students for t in s.round_trips]
    inside = [t for s in students for t in s.in_kernel]
    rows = [
        ("memory per student, RSS (server + kernel), mean", statistics.mean(s.rss for s in students), "MiB"),
        ("memory per student, RSS, max", max(s.rss for s in students), "MiB"),
        ("memory per student, USS (its own pages), mean", statistics.mean(s.uss for s in students), "MiB"),
        ("server start (spawn), median", statistics.median(s.spawn for s in students), "s"),
        ("time to a ready lesson, median", statistics.median(s.ready for s in students), "s"),
        ("time to a ready lesson, slowest", max(s.ready for s in students), "s"),
        ("answer save, round trip through the hub, p50", 1000 * percentile(trips, 0.5), "ms"),
        ("answer save, round trip through the hub, p95", 1000 * percentile(trips, 0.95), "ms"),
        ("floor: a no-op cell's round trip, p50", 1000 * percentile([t for s in students for t in s.no_op], 0.5), "ms"),
        ("floor: a no-op cell's round trip, p95", 1000 * percentile([t for s in students for t in s.no_op], 0.95), "ms"),
        ("floor: a plain slider change's round trip, p50", 1000 * percentile([t for s in students for t in s.slider], 0.5), "ms"),
        ("floor: a plain slider change's round trip, p95", 1000 * percentile([t for s in students for t in s.slider], 0.95), "ms"),
        ("answer save inside the kernel, p50", 1000 * percentile(inside, 0.5), "ms"),
        ("answer save inside the kernel, p95", 1000 * percentile(inside, 0.95), "ms"),
        ("whole class done (wall)", wall, "s"),
    ]
    report(title, rows)
    lost = sum(s.reconnects for s in students)
    if lost:
        print(f"  kernel connections lost and reopened: {lost} (each answer in flight was sent again)")
    return {"rss": statistics.mean(s.rss for s in students), "p95": 1000 * percentile(trips, 0.95),
            "inside": 1000 * percentile(inside, 0.95)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=10, help="class size (default 10; 30 for a full class)")
    parser.add_argument("--think", type=float, default=1.0, help="seconds each student pauses before each answer (default 1)")
    parser.add_argument("--ipc", action="store_true",
                        help="kernels talk to their server over IPC sockets instead of TCP ports (--KernelManager.transport=ipc)")
    args = parser.parse_args()
    reason = hubkit.missing()
    if reason:
        print(f"class benchmark not run: {reason}")
        return 1 if settings.require_hub() else 0
    base = Path(tempfile.mkdtemp(prefix="medialit-class-"))
    hub = hubkit.start_hub(base / "hub", singleuser_args=["--KernelManager.transport=ipc"] if args.ipc else [])
    print(f"kernel transport: {'ipc' if args.ipc else 'tcp (the default)'}")
    kernels: list[hubkit.Kernel] = []
    try:
        repo = hubkit.publish_class_copy(base)
        values = answers()
        alone, kernel = work(hub, repo, "solo", values, args.think)
        kernels.append(kernel)
        measure_memory([alone])
        floor = figures("one student alone on the hub (the floor)", [alone], alone.ready)
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.students) as pool:
            done = list(pool.map(lambda n: work(hub, repo, f"student{n:02d}", values, args.think), range(1, args.students + 1)))
        wall = time.perf_counter() - start
        kernels += [k for _, k in done]
        students = [s for s, _ in done]
        measure_memory(students)
        print(f"  JupyterHub and its proxy: {hub_memory():.0f} MiB RSS")
        measured = figures(f"a class of {args.students} at once on one hub ({len(values)} answers each, "
                           f"{args.think:g} s pause before each)", students, wall)
        print(f"  memory per student {measured['rss']:.0f} MiB RSS (alone {floor['rss']:.0f}; target <= 300): "
              f"{'met' if measured['rss'] <= 300 else 'NOT met'}")
        print(f"  p95 answer save round trip {measured['p95']:.0f} ms (alone {floor['p95']:.0f}; target <= 50): "
              f"{'met' if measured['p95'] <= 50 else 'NOT met'}; the save itself, in the kernel, p95 "
              f"{measured['inside']:.0f} ms: {'met' if measured['inside'] <= 50 else 'NOT met'}")
    finally:
        for kernel in kernels:
            kernel.socket.close()
        hubkit.stop_hub(hub)
    return 0


if __name__ == "__main__":
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    sys.exit(main())
