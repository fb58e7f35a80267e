"""A real JupyterHub for the tests: configurable-http-proxy from npm, DummyAuthenticator,
SimpleLocalProcessSpawner with a home folder per user under a temporary folder, a teacher
service token for the hub's API, everything on 127.0.0.1 with free ports.

Also a small client that runs code in a kernel on a user's server through the hub's
proxy (the Jupyter server's REST and WebSocket API, with the service token).
Used by the hub tests and by tests/benchmarks/bench_class.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_PROXY = HERE / "node" / "node_modules" / ".bin" / "configurable-http-proxy"


def proxy_path() -> Path:
    """configurable-http-proxy from npm (``npm ci --prefix tests/hub/node``), or MEDIALIT_PROXY."""
    from kit import settings

    return Path(settings.get("MEDIALIT_PROXY") or DEFAULT_PROXY)
TOKEN = "medialit-teacher-" + "0" * 16


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def missing() -> str:
    """Why a hub cannot run here ("" when it can)."""
    try:
        import jupyterhub  # noqa: F401
        import nbgitpuller  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed (pip install -e \".[test]\"): the hub tests need it"
    if not proxy_path().exists():
        return ("configurable-http-proxy is not installed (npm ci --prefix tests/hub/node): "
                "the hub tests need it")
    return ""


HUB_CONFIG = '''
import json, os, sys
from pathlib import Path
settings = json.loads(Path({settings!r}).read_text())
c.JupyterHub.bind_url = settings["url"]
c.JupyterHub.hub_bind_url = settings["hub_url"]
c.JupyterHub.db_url = "sqlite:///" + settings["base"] + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = settings["base"] + "/cookie_secret"
c.JupyterHub.pid_file = settings["base"] + "/jupyterhub.pid"
c.JupyterHub.cleanup_servers = True
c.ConfigurableHTTPProxy.command = [settings["proxy"]]
c.ConfigurableHTTPProxy.api_url = settings["proxy_api"]
c.ConfigurableHTTPProxy.pid_file = settings["base"] + "/proxy.pid"
c.ConfigurableHTTPProxy.auth_token = settings["proxy_token"]
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = settings["homes"] + "/{{username}}"
c.Spawner.cmd = [settings["singleuser"]]
c.Spawner.args = settings["args"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# the instructor guide's own snippets (instructor-guide/deployment.md), as written there
exec(compile(settings["guide_config"], "deployment.md", "exec"))
c.Spawner.environment = {{**c.Spawner.environment,
    "JUPYTER_RUNTIME_DIR": lambda spawner: settings["base"] + "/runtime/" + spawner.user.name}}
def configured(value):
    return value if isinstance(value, list) else []  # an unset option reads as a lazy value, not a list

c.JupyterHub.services = [{{"name": "teacher", "api_token": settings["token"]}}] + configured(c.JupyterHub.services)
c.JupyterHub.load_roles = configured(c.JupyterHub.load_roles) + [
    {{"name": "teacher", "services": ["teacher"],
     "scopes": ["admin:users", "admin:servers", "access:servers", "read:users", "list:users"]}},
]
'''


@dataclass
class Hub:
    url: str
    base: Path
    homes: Path
    answers: Path
    process: subprocess.Popen
    token: str = TOKEN
    spawned: list[str] = field(default_factory=list)

    # ------------------------------------------------------------ hub API (as the teacher service)

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 30):
        request = urllib.request.Request(f"{self.url}/hub/api{path}", method=method,
                                         data=json.dumps(body).encode() if body is not None else None,
                                         headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read()
            return json.loads(data) if data else None

    def spawn(self, user: str, timeout: float = 120) -> "UserServer":
        """Create ``user`` (if needed) and start their server; wait until it answers."""
        try:
            self.api("POST", f"/users/{user}")
        except urllib.error.HTTPError as error:
            if error.code != 409:  # already exists
                raise
        try:
            self.api("POST", f"/users/{user}/server")
        except urllib.error.HTTPError as error:
            if error.code != 400:  # already running
                raise
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.api("GET", f"/users/{user}")
            server = model.get("servers", {}).get("", {})
            if server.get("ready"):
                self.spawned.append(user)
                return UserServer(hub=self, user=user)
            time.sleep(0.3)
        raise TimeoutError(f"{user}'s server did not start in {timeout} s:\n{self.log()[-3000:]}")

    def stop_server(self, user: str) -> None:
        self.api("DELETE", f"/users/{user}/server")

    def server_running(self, user: str) -> bool:
        return bool(self.api("GET", f"/users/{user}").get("servers", {}).get("", {}).get("ready"))

    def log(self) -> str:
        return (self.base / "hub.log").read_text(errors="replace")


GUIDE = HERE.parents[1] / "instructor-guide" / "deployment.md"


def guide_snippet(containing: str) -> str:
    """The guide's ``jupyterhub_config.py`` block that contains ``containing``."""
    blocks = re.findall(r"```python jupyterhub_config\.py\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    found = [block for block in blocks if containing in block]
    if len(found) != 1:
        raise LookupError(f"{GUIDE.name}: expected one jupyterhub_config.py block with {containing!r}, found {len(found)}")
    return found[0]


def _replaced(text: str, old: str, new: str) -> str:
    if old not in text:
        raise LookupError(f"{GUIDE.name}: the snippet no longer holds {old!r}")
    return text.replace(old, new)


def start_hub(base: Path, *, cull_after: int | None = None, singleuser_args: list | None = None) -> Hub:
    """Start JupyterHub (it starts the proxy) in ``base``; return when its API answers.

    The hub runs the guide's answers-folder snippet (``/srv/answers`` moved into
    ``base``) and, with ``cull_after`` seconds, the guide's idle-culler snippet.
    """
    base.mkdir(parents=True, exist_ok=True)
    homes, answers = base / "home", base / "answers"
    homes.mkdir(exist_ok=True)
    answers.mkdir(exist_ok=True)
    (base / "runtime").mkdir(exist_ok=True)
    lab_settings = base / "lab-settings" / "@jupyterlab"
    (lab_settings / "apputils-extension").mkdir(parents=True, exist_ok=True)
    (lab_settings / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    (lab_settings / "notebook-extension").mkdir(parents=True, exist_ok=True)
    (lab_settings / "notebook-extension" / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    args = [f"--LabApp.user_settings_dir={base / 'lab-settings'}", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            *(singleuser_args or [])]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")  # CI runs as root: a server refuses to start as root without it
    port = free_port()
    config = {
        "url": f"http://127.0.0.1:{port}", "hub_url": f"http://127.0.0.1:{free_port()}",
        "proxy_api": f"http://127.0.0.1:{free_port()}", "proxy": str(proxy_path()), "proxy_token": uuid.uuid4().hex,
        "base": str(base), "homes": str(homes), "answers": str(answers), "token": TOKEN,
        "singleuser": str(Path(sys.executable).parent / "jupyterhub-singleuser"), "args": args,
        "guide_config": _guide_config(answers, cull_after),
    }
    (base / "settings.json").write_text(json.dumps(config))
    (base / "jupyterhub_config.py").write_text(HUB_CONFIG.format(settings=str(base / "settings.json")))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    for name in ("MEDIALIT_ANSWERS", "JUPYTERHUB_USER", "JPY_SESSION_NAME"):
        env.pop(name, None)
    log = open(base / "hub.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(base / "jupyterhub_config.py")],
                               cwd=base, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    hub = Hub(url=config["url"], base=base, homes=homes, answers=answers, process=process)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterHub exited:\n{hub.log()[-3000:]}")
        try:
            hub.api("GET", "/", timeout=2)
            return hub
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.3)
    stop_hub(hub)
    raise RuntimeError(f"JupyterHub did not answer within 90 s:\n{hub.log()[-3000:]}")


def _guide_config(answers: Path, cull_after: int | None) -> str:
    config = _replaced(guide_snippet("MEDIALIT_ANSWERS"), 'Path("/srv/answers")', f"Path({str(answers)!r})")
    if cull_after is not None:
        culler = _replaced(guide_snippet("jupyterhub_idle_culler"), '"--timeout=3600"', f'"--timeout={cull_after}", "--cull-every=2"')
        config += "\n" + culler
    return config


def stop_hub(hub: Hub) -> None:
    """Stop every user's server, then the hub and its proxy (their process group)."""
    for user in set(hub.spawned):
        try:
            hub.stop_server(user)
        except (OSError, urllib.error.HTTPError):
            pass
    try:
        os.killpg(hub.process.pid, signal.SIGTERM)
        hub.process.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(hub.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for name in ("proxy.pid",):  # the proxy runs in its own process group when the hub is killed hard
        pid_file = hub.base / name
        if pid_file.exists():
            try:
                os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
            except (ValueError, ProcessLookupError):
                pass


# --------------------------------------------------------------------------- a user's server


@dataclass
class UserServer:
    hub: Hub
    user: str

    @property
    def url(self) -> str:
        return f"{self.hub.url}/user/{self.user}"

    def get(self, path: str, timeout: float = 60) -> tuple[int, str]:
        request = urllib.request.Request(f"{self.url}{path}", headers={"Authorization": f"token {self.hub.token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", errors="replace")

    def request(self, method: str, path: str, body: dict | None = None) -> dict | list | None:
        request = urllib.request.Request(f"{self.url}{path}", method=method,
                                         data=json.dumps(body).encode() if body is not None else None,
                                         headers={"Authorization": f"token {self.hub.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            data = response.read()
            return json.loads(data) if data else None

    def git_pull(self, repo: str, branch: str = "main") -> str:
        """Pull ``repo`` with nbgitpuller, as its link does (the event stream behind ``/git-pull``)."""
        query = urllib.parse.urlencode({"repo": repo, "branch": branch})
        status, text = self.get(f"/git-pull/api?{query}", timeout=120)
        events = [json.loads(line[len("data:"):]) for line in text.splitlines() if line.startswith("data:")]
        phases = [event.get("phase") for event in events]
        if status != 200 or "finished" not in phases:
            raise RuntimeError(f"nbgitpuller did not finish for {self.user}: {text[-2000:]}")
        return text

    def kernel(self, notebook: str) -> "Kernel":
        """Start a kernel for ``notebook`` (a path under the user's home), as opening it in JupyterLab does."""
        session = self.request("POST", "/api/sessions", {"path": notebook, "type": "notebook", "name": Path(notebook).name,
                                                         "kernel": {"name": "python3"}})
        assert isinstance(session, dict)
        return Kernel(server=self, session_id=session["id"], kernel_id=session["kernel"]["id"])


class KernelError(RuntimeError):
    pass


class Kernel:
    """Run code in a kernel on the hub over the Jupyter WebSocket protocol (JSON messages)."""

    def __init__(self, *, server: UserServer, session_id: str, kernel_id: str):
        self.server, self.session_id, self.kernel_id = server, session_id, kernel_id
        self.reconnects = 0  # connections lost and opened again (a benchmark reports them)
        self.socket = self._connect()
        self.session = uuid.uuid4().hex

    def _connect(self):
        import websocket  # websocket-client, a dependency of jupyter_server

        address = self.server.url.replace("http://", "ws://") + f"/api/kernels/{self.kernel_id}/channels?session_id={uuid.uuid4().hex}"
        return websocket.create_connection(address, header=[f"Authorization: token {self.server.hub.token}"], timeout=120)

    def run(self, code: str, timeout: float = 120) -> str:
        """Execute ``code``; return what it printed; raise KernelError with the traceback if it failed.

        If the WebSocket drops (a proxy or server closing an idle or busy connection; seen once in
        CI under a class of ten), connect again and send ``code`` once more: callers send code that
        is safe to run twice. A second drop raises.
        """
        import websocket

        try:
            return self._run(code, timeout)
        except (websocket.WebSocketConnectionClosedException, ConnectionError):
            self.reconnects += 1
            try:
                self.socket.close()
            except OSError:
                pass
            self.socket = self._connect()
            return self._run(code, timeout)

    def _run(self, code: str, timeout: float) -> str:
        msg_id = uuid.uuid4().hex
        self.socket.send(json.dumps({
            "header": {"msg_id": msg_id, "username": "teacher", "session": self.session, "msg_type": "execute_request",
                       "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {}, "allow_stdin": False,
                        "stop_on_error": True},
        }))
        printed, error, replied, idle = [], None, False, False
        deadline = time.monotonic() + timeout
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no reply from the kernel within {timeout} s to {code[:80]!r}")
            message = json.loads(self.socket.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = message["header"]["msg_type"]
            if kind == "stream":
                printed.append(message["content"]["text"])
            elif kind == "error":
                error = "\n".join(message["content"]["traceback"])
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and message["content"]["execution_state"] == "idle":
                idle = True
        if error:
            raise KernelError(f"{self.server.user}: {error[-3000:]}")
        return "".join(printed)

    def close(self) -> None:
        self.socket.close()
        try:
            self.server.request("DELETE", f"/api/sessions/{self.session_id}")
        except (OSError, urllib.error.HTTPError):
            pass


def publish_class_copy(folder: Path) -> Path:
    """The teacher's ``medialit release`` as a local git repository (branch main); returns the repo folder."""
    repo = folder / "class-copy"
    done = subprocess.run([str(Path(sys.executable).parent / "medialit"), "release", str(repo)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    git = ["git", "-c", "user.name=Teacher", "-c", "user.email=teacher@school.example", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-q", "-m", "Student copy"], check=True)
    return repo


def have_git() -> bool:
    return shutil.which("git") is not None
