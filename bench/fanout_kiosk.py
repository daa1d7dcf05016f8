"""Fan-out of an approval through `kiosk serve`, against a Node socket.io reference.

    python bench/fanout_kiosk.py --clients 200,1000,3000 [--rounds 2] [--approvals 60]
        [--redis] [--write] [--results /tmp/fanout-kiosk.jsonl]

For each N and round, and for each server in turn (Kiosk, then the Node reference):
  * Kiosk: a fresh copy of a demo database (`kiosk init --demo` plus bench/kiosk_fixture.py:
    a curator's API token, N/20 screens on channel "default", pending praise items), then
    `kiosk serve` on a free 127.0.0.1 port (KIOSK_SCHEDULER=off: the bench measures the
    web process; the scheduler is its own unit in production).
  * Node: bench/fanout_node.js (socket.io 4.8.4), which accepts the same auth and sends
    the same bytes per approval (the Kiosk `item_added` payload of a demo item).
N clients connect to namespace /live: N/20 as screens ({"screen": token}, heartbeat every
12 s like a display's slide change) and the rest as intranet widgets ({"widget":
"default"}). Then APPROVALS approvals, INTERVAL apart: `POST /api/v1/items/<id>/approve`
with the bearer token (Kiosk) or `POST /emit` (Node). The figure is the time from just
before the approval's HTTP request is sent until the LAST of the N clients has its
`item_added` event (same box, same clock), p50 / p99 over the approvals; the server's
memory per connection is (RSS of its process tree with N connected − before) / N.

--redis: two web processes on two ports share a Redis message queue (redis-server is
started on a free port by this script); clients are split half and half, and every
approval goes to the first process. The Node reference is then two node processes with
@socket.io/redis-adapter on the same Redis.

--deflate: the clients offer permessage-deflate as browsers do (`client_max_window_bits`)
and inflate what comes compressed. Node's socket.io declines it by default, so its
reference stays uncompressed; use a --label of its own for these runs.

Clients are bench/fanout.py's raw Engine.IO websocket client (uvloop when importable) in
--procs separate processes; their CPU per message is measured and reported, so one can
check they are not the bottleneck. --write puts the table into docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import multiprocessing
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fanout  # noqa: E402  (bench/fanout.py: the client and the /proc helpers)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KIOSK = os.environ.get("BENCH_KIOSK") or next(
    (k for k in (os.path.join(ROOT, ".venv", "bin", "kiosk"), shutil.which("kiosk"))
     if k and os.path.exists(k)), "kiosk")
KIOSK_PY = os.environ.get("BENCH_KIOSK_PY", os.path.join(os.path.dirname(KIOSK), "python"))
NODE = os.environ.get("BENCH_NODE", "node")
# Another copy of the package to measure (e.g. a "before" snapshot of kiosk/), put first on
# the Kiosk interpreter's path.
KIOSK_PYTHONPATH = os.environ.get("BENCH_KIOSK_PYTHONPATH")
REDIS = os.environ.get("BENCH_REDIS_SERVER", "redis-server")
NAMESPACE = "/live"
HEARTBEAT_S = 12.0
ITEM_PREFIX = '42/live,["item_added",{"id":'


# --------------------------------------------------------------------------- client


class LiveClient(fanout.SioClient):
    """A widget or a screen following /live; records when each `item_added` arrives."""

    def __init__(self, host, port, shared, auth):
        super().__init__(host, port, shared)
        self.auth = json.dumps(auth)
        self.is_screen = "screen" in auth
        self.beat = None

    def on_text(self, msg, t):
        if msg.startswith(ITEM_PREFIX):  # cheap path: only the id is read
            rest = msg[len(ITEM_PREFIX):]
            end = 0
            while rest[end].isdigit():
                end += 1
            self.record(int(rest[:end]), t)
            return
        kind = msg[0]
        if kind == "4":
            sio = msg[1]
            if sio == "2" and msg.startswith('42/live,["item_added"'):  # id not first
                event = json.loads(msg[msg.index(",") + 1:])
                self.record(int(event[1]["id"]), t)
            elif sio == "0":
                if not self.ready.done():
                    self.ready.set_result(True)
                    if self.is_screen:
                        loop = asyncio.get_running_loop()
                        self.beat = loop.call_later(random.uniform(0, HEARTBEAT_S),
                                                    self.heartbeat)
            elif sio == "4":
                self.fail(f"connect_error {msg[:80]}")
        elif kind == "2":
            self.send_text("3")
        elif kind == "0":
            self.send_text(f"40{NAMESPACE},{self.auth}")
        elif kind == "1":
            self.transport.close()

    def heartbeat(self):
        if self.transport is None or self.transport.is_closing():
            return
        self.send_text('42/live,["heartbeat",{"item":null,"slide":"praise"}]')
        self.beat = asyncio.get_running_loop().call_later(HEARTBEAT_S, self.heartbeat)

    def record(self, key, t):
        sh = self.shared
        st = sh.stats.get(key)
        if st is None:
            sh.stats[key] = [1, t, t, None]
        else:
            st[0] += 1
            if t > st[2]:
                st[2] = t
            if t < st[1]:
                st[1] = t
        sh.msgs += 1

    def connection_lost(self, exc):
        if self.beat:
            self.beat.cancel()
        super().connection_lost(exc)


async def connect_all(specs, concurrency, deadline, shared):
    """Connect every (port, auth) of specs, at most `concurrency` handshakes at once."""
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(concurrency)
    clients, lat = [], []

    async def one(port, auth):
        async with sem:
            t0 = time.perf_counter()
            proto = None
            try:
                _, proto = await asyncio.wait_for(loop.create_connection(
                    lambda: LiveClient("127.0.0.1", port, shared, auth), "127.0.0.1", port),
                    max(0.001, deadline - time.monotonic()))
                await asyncio.wait_for(proto.ready, max(0.001, deadline - time.monotonic()))
            except TimeoutError:
                shared.error("connect timeout")
                if proto and proto.transport:
                    proto.transport.abort()
                return
            except Exception as exc:  # noqa: BLE001
                shared.error(f"{type(exc).__name__}: {str(exc)[:80]}")
                return
            lat.append(time.perf_counter() - t0)
            clients.append(proto)

    t_start = time.time_ns()
    await asyncio.gather(*(one(p, a) for p, a in specs))
    return clients, lat, t_start, time.time_ns()


async def client_main(conn, specs, concurrency, connect_timeout):
    loop = asyncio.get_running_loop()
    inbox = asyncio.Queue()
    loop.add_reader(conn.fileno(), lambda: inbox.put_nowait(conn.recv()))
    shared = fanout.Shared()
    clients, lat, t0, t1 = await connect_all(specs, concurrency,
                                             time.monotonic() + connect_timeout, shared)
    conn.send(("connected", {"ok": len(clients), "lat": lat, "t_start": t0, "t_end": t1,
                             "errors": shared.errors}))
    cmd, arg = await inbox.get()
    cpu0 = time.process_time()
    if cmd == "record":
        shared.recording = True
        shared.stats.clear()
        shared.msgs = 0
        cpu0 = time.process_time()
        cmd, arg = await inbox.get()
    if cmd == "collect":
        keys, wait_s = arg
        end = time.monotonic() + wait_s
        alive = sum(1 for c in clients if not c.transport.is_closing())
        while time.monotonic() < end:
            if all(shared.stats.get(k, (0,))[0] >= alive for k in keys):
                break
            await asyncio.sleep(0.05)
        conn.send(("results", {"stats": shared.stats, "busy_ns": shared.busy_ns,
                               "cpu_s": time.process_time() - cpu0, "msgs": shared.msgs,
                               "errors": shared.errors,
                               "closed": sum(1 for c in clients
                                             if c.transport.is_closing())}))
    for c in clients:
        c.transport.close()
    await asyncio.sleep(0.2)
    loop.remove_reader(conn.fileno())


def client_proc(conn, specs, concurrency, connect_timeout, loop_kind):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    fanout.pick_loop(loop_kind)[1](client_main(conn, specs, concurrency, connect_timeout))


# --------------------------------------------------------------------------- servers


def free_port():
    return fanout.free_port()


def wait_http(port, path, proc, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            status, _ = fanout.http_req(port, "GET", path, 1.0)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server on {port} did not come up")


def start(argv, env, log, cwd=ROOT):
    return subprocess.Popen(argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)


def stop(proc):
    fanout.stop_server(proc)


class Template:
    """A demo database with the bench fixture, made once and copied for each Kiosk run."""

    def __init__(self, workdir, screens, items):
        self.dir = os.path.join(workdir, "template")
        os.makedirs(self.dir)
        env = kiosk_env(self.dir, os.path.join(self.dir, "kiosk.db"))
        subprocess.run([KIOSK, "init", "--demo"], env=env, cwd=self.dir, check=True,
                       stdout=subprocess.DEVNULL)
        out = subprocess.run([KIOSK_PY, os.path.join(HERE, "kiosk_fixture.py"),
                              "--screens", str(screens), "--items", str(items)],
                             env=env, cwd=self.dir, check=True, capture_output=True, text=True)
        self.fixture = json.loads(out.stdout)
        self.db = os.path.join(self.dir, "kiosk.db")

    def copy(self, dest):
        os.makedirs(dest)
        con = __import__("sqlite3").connect(self.db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        shutil.copy(self.db, os.path.join(dest, "kiosk.db"))
        shutil.copy(os.path.join(self.dir, "secret_key"), dest)
        return os.path.join(dest, "kiosk.db")


def kiosk_env(instance, db, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_INSTANCE_DIR=instance, KIOSK_DATABASE_URL=f"sqlite:///{db}",
               KIOSK_SCHEDULER="off", KIOSK_LOG_LEVEL="warning", **extra)
    if KIOSK_PYTHONPATH:
        env["PYTHONPATH"] = KIOSK_PYTHONPATH
    return env


class Servers:
    """One or two processes of one kind (kiosk | node); `ports[0]` takes the approvals."""

    def __init__(self, kind, workdir, template, procs, redis_url, log):
        self.kind, self.procs, self.ports = kind, [], []
        for i in range(procs):
            port = free_port()
            if kind == "kiosk":
                inst = os.path.join(workdir, "kiosk")
                if i == 0:
                    db = template.copy(inst)
                env = kiosk_env(inst, db, KIOSK_PORT=str(port), KIOSK_HOST="127.0.0.1")
                if redis_url:
                    env["KIOSK_MESSAGE_QUEUE"] = redis_url
                proc = start([KIOSK, "serve"], env, log, cwd=inst)
                health = "/healthz"
            else:
                env = dict(os.environ, BENCH_ROOM=template.fixture["channel"])
                if redis_url:
                    env["BENCH_REDIS"] = redis_url
                proc = start([NODE, "fanout_node.js", str(port)], env, log, cwd=HERE)
                health = "/health"
            self.procs.append(proc)
            self.ports.append(port)
            wait_http(port, health, proc)

    def rss_kb(self):
        return sum(fanout.rss_kb(p.pid) for p in self.procs)

    def cpu_s(self):
        return sum(fanout.cpu_s(p.pid) for p in self.procs)

    def stop(self):
        for p in self.procs:
            stop(p)


def approve(kind, port, item_id, token, body, timeout):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        if kind == "kiosk":
            c.request("POST", f"/api/v1/items/{item_id}/approve",
                      headers={"Authorization": f"Bearer {token}"})
        else:
            c.request("POST", f"/emit?seq={item_id}", body=body,
                      headers={"Content-Type": "application/json"})
        r = c.getresponse()
        r.read()
        return r.status
    finally:
        c.close()


def start_redis(workdir, log):
    port = free_port()
    proc = start([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                  "--appendonly", "no", "--dir", workdir], dict(os.environ), log, cwd=workdir)
    end = time.monotonic() + 10
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), 0.5) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    return proc, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.1)
    stop(proc)
    raise RuntimeError("redis-server did not come up")


# --------------------------------------------------------------------------- one run


def run_one(kind, n, args, template, workdir, redis_url):
    fx = template.fixture
    screens = min(len(fx["screens"]), max(1, n // 20))
    rec = {"server": kind, "clients": n, "screens": screens, "widgets": n - screens,
           "processes": 2 if args.redis else 1, "approvals": args.approvals,
           "interval_s": args.interval, "client_procs": args.procs,
           "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "load_before": os.getloadavg()[0],
           "label": args.label, "kiosk_pythonpath": KIOSK_PYTHONPATH}
    log = open(os.path.join(workdir, f"{kind}-{n}.log"), "w+")
    servers, workers = None, []
    try:
        servers = Servers(kind, workdir, template, 2 if args.redis else 1, redis_url, log)
        rec["ports"] = servers.ports
        ids = fx["items"]
        body = json.dumps({"item_added": fx["payload"]["item_added"]}).encode()
        # warm-up: a few clients, two approvals (loads lazy code paths, first stats event)
        warm = [(p, {"widget": fx["channel"]}) for p in servers.ports for _ in range(10)]
        warm_stats = asyncio.run(_warm(warm, kind, servers.ports[0], ids[:2], fx["token"],
                                       body))
        rec["warmup_received"] = warm_stats
        time.sleep(1.0)
        rss0 = servers.rss_kb()

        specs = [(servers.ports[i % len(servers.ports)],
                  {"screen": fx["screens"][i]} if i < screens else {"widget": fx["channel"]})
                 for i in range(n)]
        random.Random(n).shuffle(specs)
        ctx = multiprocessing.get_context("fork")
        for i in range(args.procs):
            parent, child = ctx.Pipe()
            p = ctx.Process(target=client_proc, daemon=True,
                            args=(child, specs[i::args.procs], args.connect_concurrency,
                                  args.connect_timeout, args.loop))
            p.start()
            workers.append((p, parent))
        rec.update(fanout.connect_report(workers, args.connect_timeout))
        ok = rec["connected"]
        time.sleep(args.quiet)
        rss1 = servers.rss_kb()
        rec.update(rss_before_kb=rss0, rss_connected_kb=rss1,
                   kb_per_conn=(rss1 - rss0) / ok if ok else None)

        for _, c in workers:
            c.send(("record", None))
        spies = []
        if args.spy and kind == "kiosk":  # sample the web worker(s) during the approvals
            for proc in servers.procs:
                for pid in fanout.process_tree(proc.pid)[1:]:
                    spies.append(subprocess.Popen(
                        [args.spy, "record", "-p", str(pid), "-r", "400", "-f", "raw",
                         "-d", str(int(args.approvals * args.interval + 2)),
                         "-o", os.path.join(args.logs or workdir, f"spy-{n}-{pid}.txt")],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            time.sleep(1.0)
        time.sleep(0.2)
        cpu0 = servers.cpu_s()
        triggers, post_ms, failures = {}, [], 0
        t_base = time.monotonic() + 0.1
        for k, item_id in enumerate(ids[2:2 + args.approvals]):
            delay = t_base + k * args.interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            t = time.time_ns()
            try:
                status = approve(kind, servers.ports[0], item_id, fx["token"], body,
                                 args.emit_timeout)
                post_ms.append((time.time_ns() - t) / 1e6)
                if status != 200:
                    failures += 1
                triggers[item_id] = t
            except OSError:
                failures += 1
            if failures >= 3 and not triggers:
                raise RuntimeError("the first 3 approvals failed")
        for _, c in workers:
            c.send(("collect", (list(triggers), args.settle)))
        results = []
        for _, c in workers:
            if not c.poll(args.settle + 30):
                raise RuntimeError("client process did not send results")
            results.append(c.recv()[1])
        server_cpu = servers.cpu_s() - cpu0
        for spy in spies:
            spy.wait(60)
        rec["rss_after_kb"] = servers.rss_kb()
        last, first, lost = [], [], 0
        for key, t_trig in triggers.items():
            sts = [r["stats"][key] for r in results if key in r["stats"]]
            got = sum(s[0] for s in sts)
            lost += max(0, ok - got)
            if got < ok or not sts:
                continue
            last.append((max(s[2] for s in sts) - t_trig) / 1e6)
            first.append((min(s[1] for s in sts) - t_trig) / 1e6)
        msgs = sum(r["msgs"] for r in results)
        rec.update(
            approvals_ok=len(triggers), approval_failures=failures, lost_deliveries=lost,
            closed_during_run=sum(r["closed"] for r in results),
            last_p50_ms=fanout.pct(last, 50), last_p99_ms=fanout.pct(last, 99),
            last_max_ms=max(last) if last else None, first_p50_ms=fanout.pct(first, 50),
            post_p50_ms=fanout.pct(post_ms, 50), last_ms=last,
            server_cpu_ms_per_approval=server_cpu * 1e3 / max(1, len(triggers)),
            client_cpu_us_per_msg=(sum(r["cpu_s"] for r in results) / msgs * 1e6
                                   if msgs else None),
            client_errors=[r["errors"] for r in results if r["errors"]],
            load_after=os.getloadavg()[0])
    except Exception as exc:  # noqa: BLE001
        rec["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        for _, c in workers:
            try:
                c.send(("stop", None))
            except OSError:
                pass
        for p, _ in workers:
            p.join(10)
            if p.is_alive():
                p.kill()
                p.join()
        if servers:
            servers.stop()
        log.seek(0)
        text = log.read()
        tail = text[-3000:]
        log.close()
        if args.logs:
            os.makedirs(args.logs, exist_ok=True)
            with open(os.path.join(args.logs, f"{kind}-{n}-{rec['date']}.log"), "w") as fh:
                fh.write(text)
        if kind == "kiosk":
            shutil.rmtree(os.path.join(workdir, "kiosk"), ignore_errors=True)
    if "error" in rec or rec.get("lost_deliveries"):
        rec["server_log_tail"] = tail
    return rec


async def _warm(specs, kind, port, ids, token, body):
    shared = fanout.Shared()
    clients, _, _, _ = await connect_all(specs, 10, time.monotonic() + 30, shared)
    loop = asyncio.get_running_loop()
    for item_id in ids:
        await loop.run_in_executor(None, approve, kind, port, item_id, token, body, 10)
    await asyncio.sleep(0.5)
    for c in clients:
        c.transport.close()
    await asyncio.sleep(0.2)
    return {"clients": len(clients), "received": {k: v[0] for k, v in shared.stats.items()}}


# --------------------------------------------------------------------------- report


def summarise(recs):
    """Pool the rounds per (N, server): p50/p99 over all approvals, median KB/conn."""
    groups = {}
    for r in recs:
        groups.setdefault((r["clients"], r["server"]), []).append(r)
    rows = {}
    for key, rs in groups.items():
        good = [r for r in rs if "error" not in r]
        last = [x for r in good for x in r["last_ms"]]
        def med(k, good=good):
            return fanout.pct([r[k] for r in good if r.get(k) is not None], 50)

        rows[key] = {
            "runs": len(rs), "errors": [r["error"] for r in rs if "error" in r],
            "connected": f"{min((r['connected'] for r in good), default=0)}/{key[0]}",
            "connect_s": med("connect_all_s"), "p50": fanout.pct(last, 50),
            "p99": fanout.pct(last, 99), "max": max(last) if last else None,
            "samples": len(last), "lost": sum(r["lost_deliveries"] for r in good),
            "kb": med("kb_per_conn"), "cpu_ms": med("server_cpu_ms_per_approval"),
            "cli_us": med("client_cpu_us_per_msg"), "post": med("post_p50_ms"),
            "screens": rs[0]["screens"],
        }
    return rows


def table(rows, redis):
    def f(v, fmt=".1f"):
        return format(v, fmt) if isinstance(v, (int, float)) else "—"
    label = {"kiosk": "Kiosk `kiosk serve`" + (" ×2 + Redis" if redis else ""),
             "node": "Node socket.io 4.8.4" + (" ×2 + redis-adapter" if redis else "")}
    out = ["| N (screens) | server | connected | connect s | p50 ms | p99 ms | max ms "
           "| p99 × Node | KB/conn | server CPU ms/approval | approval answered ms "
           "| client CPU µs/msg | lost |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for n in sorted({k[0] for k in rows}):
        node = rows.get((n, "node"))
        for kind in ("kiosk", "node"):
            r = rows.get((n, kind))
            if r is None:
                continue
            ratio = (r["p99"] / node["p99"]) if node and node["p99"] and r["p99"] else None
            err = f" ({'; '.join(r['errors'])[:80]})" if r["errors"] else ""
            out.append(
                f"| {n:,} ({r['screens']}) | {label[kind]}{err} | {r['connected']} "
                f"| {f(r['connect_s'])} | {f(r['p50'])} | {f(r['p99'])} | {f(r['max'])} "
                f"| {f(ratio, '.2f') if kind == 'kiosk' else '1.00'} | {f(r['kb'])} "
                f"| {f(r['cpu_ms'])} | {f(r['post'])} | {f(r['cli_us'])} | {r['lost']} |")
    return "\n".join(out)


def write_section(text, marker):
    path = os.path.join(ROOT, "docs", "benchmarks.md")
    with open(path) as fh:
        doc = fh.read()
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    block = f"{start}\n{text.strip()}\n{end}"
    if start in doc:
        head, rest = doc.split(start, 1)
        doc = head + block + rest.split(end, 1)[1]
    else:
        doc = doc.rstrip() + "\n\n" + block + "\n"
    with open(path, "w") as fh:
        fh.write(doc)


def versions():
    out = {}
    try:
        out["node"] = subprocess.run([NODE, "--version"], capture_output=True,
                                     text=True).stdout.strip()
    except OSError:
        pass
    code = ("import importlib.metadata as m, json; print(json.dumps({p: m.version(p) for p in "
            "['flask-socketio', 'python-socketio', 'python-engineio', 'gevent', 'gunicorn', "
            "'simple-websocket', 'redis']}))")
    try:
        out.update(json.loads(subprocess.run([KIOSK_PY, "-c", code], capture_output=True,
                                             text=True).stdout))
    except (OSError, ValueError):
        pass
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", default="200,1000,3000", help="comma-separated N")
    ap.add_argument("--servers", default="kiosk,node")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--approvals", type=int, default=60)
    ap.add_argument("--interval", type=float, default=0.5, help="seconds between approvals")
    ap.add_argument("--redis", action="store_true", help="two web processes + Redis")
    ap.add_argument("--procs", type=int, default=1, help="client processes")
    ap.add_argument("--connect-concurrency", type=int, default=50)
    ap.add_argument("--connect-timeout", type=float, default=180.0)
    ap.add_argument("--emit-timeout", type=float, default=10.0)
    ap.add_argument("--settle", type=float, default=5.0)
    ap.add_argument("--quiet", type=float, default=2.0,
                    help="seconds to wait after connecting, before RSS and approvals")
    ap.add_argument("--loop", choices=["auto", "uvloop", "asyncio"], default="auto")
    ap.add_argument("--results", help="append every run as a JSON line to this file")
    ap.add_argument("--logs", help="keep the servers' logs in this folder")
    ap.add_argument("--spy", help="path of py-spy: sample Kiosk's workers during approvals "
                    "(collapsed stacks in --logs)")
    ap.add_argument("--deflate", action="store_true",
                    help="clients offer permessage-deflate, as browsers do (Node declines it)")
    ap.add_argument("--label", default="", help="a tag stored with each run (before, after…)")
    ap.add_argument("--write", action="store_true", help="write the table to docs/benchmarks.md")
    ap.add_argument("--from-results", metavar="FILE",
                    help="run nothing: rebuild the table (and with --write the section) from "
                    "the runs saved in FILE with --label and --redis as given")
    args = ap.parse_args()
    if args.from_results:
        with open(args.from_results) as fh:
            recs = [r for r in map(json.loads, fh) if r.get("label", "") == args.label
                    and bool(r.get("redis")) == args.redis
                    and bool(r.get("deflate")) == args.deflate]
        text = table(summarise(recs), args.redis)
        print(text)
        if args.write:
            _write(args, recs, text)
        return 0
    ns = [int(x) for x in args.clients.split(",")]
    if not all(1 <= n <= 5000 for n in ns) or not 1 <= args.approvals <= 500:
        ap.error("keep the load bounded: 1..5000 clients, 1..500 approvals")
    nofile = fanout.raise_nofile()
    LiveClient.deflate = args.deflate  # the client processes are forked after this
    if args.logs:
        os.makedirs(args.logs, exist_ok=True)
    kinds = args.servers.split(",")
    workdir = tempfile.mkdtemp(prefix="fanout-kiosk-")
    redis_proc, redis_url = None, None
    recs = []
    try:
        screens = max(ns) // 20 + 1
        template = Template(workdir, screens, args.approvals + 2)
        if args.redis:
            redis_proc, redis_url = start_redis(workdir, open(
                os.path.join(workdir, "redis.log"), "w"))
        print(f"{'server':<6} {'N':>5} {'conn':>5} {'conn_s':>6} {'p50':>6} {'p99':>6} "
              f"{'max':>6} {'lost':>4} {'KB/c':>6} {'srv_ms':>6} {'cli_us':>6} load", flush=True)
        for rnd in range(args.rounds):
            for n in ns:
                for kind in kinds:
                    rec = run_one(kind, n, args, template, workdir, redis_url)
                    rec.update(round=rnd + 1, nofile=nofile, redis=bool(args.redis),
                               deflate=args.deflate)
                    recs.append(rec)
                    print(_line(rec), flush=True)
                    if args.results:
                        with open(args.results, "a") as fh:
                            fh.write(json.dumps(rec) + "\n")
    finally:
        if redis_proc:
            stop(redis_proc)
        shutil.rmtree(workdir, ignore_errors=True)
    rows = summarise(recs)
    text = table(rows, args.redis)
    print(text)
    if args.write:
        _write(args, recs, text)
    return 1 if any("error" in r for r in recs) else 0


def _line(r):
    def f(v, fmt=".1f"):
        return format(v, fmt) if isinstance(v, (int, float)) else "-"
    s = (f"{r['server']:<6} {r['clients']:>5} {f(r.get('connected'), 'd'):>5} "
         f"{f(r.get('connect_all_s')):>6} {f(r.get('last_p50_ms')):>6} "
         f"{f(r.get('last_p99_ms')):>6} {f(r.get('last_max_ms')):>6} "
         f"{f(r.get('lost_deliveries'), 'd'):>4} {f(r.get('kb_per_conn')):>6} "
         f"{f(r.get('server_cpu_ms_per_approval')):>6} {f(r.get('client_cpu_us_per_msg')):>6} "
         f"{r['load_before']:.2f}")
    if r.get("error"):
        s += f"  ERROR {r['error']}"
    return s


def _write(args, recs, text):
    m = fanout.machine()
    v = versions()
    loads = [r["load_before"] for r in recs]
    marker = "fanout-kiosk-redis" if args.redis else "fanout-kiosk"
    title = ("Fan-out with two web processes and Redis" if args.redis
             else "Fan-out of an approval, one web process")
    cmd = " ".join(["python", "bench/fanout_kiosk.py", "--clients", args.clients,
                    "--rounds", str(args.rounds), "--approvals", str(args.approvals)]
                   + (["--redis"] if args.redis else []) + ["--write"])
    setup = ("two `kiosk serve` processes on two ports with `KIOSK_MESSAGE_QUEUE` on one "
             "redis-server; clients split half and half; approvals through the first. Node: "
             "two `fanout_node.js` processes with @socket.io/redis-adapter on the same Redis"
             if args.redis else "one `kiosk serve` process (gunicorn, one gevent worker)")
    body = "\n".join([
        f"### {title}",
        "",
        f"Measured {recs[0]['date'][:10]} on {m['cpu']}, {m['nproc']} cores, Python "
        f"{m['python']}, Node {v.get('node', '?')}; flask-socketio "
        f"{v.get('flask-socketio', '?')}, python-socketio {v.get('python-socketio', '?')}, "
        f"python-engineio {v.get('python-engineio', '?')}, gevent {v.get('gevent', '?')}, "
        f"gunicorn {v.get('gunicorn', '?')}, simple-websocket "
        f"{v.get('simple-websocket', '?')}.",
        f"1-minute load before each run {min(loads):.2f}–{max(loads):.2f} (other people's "
        "tests share the 2 cores).",
        f"Reproduce: `{cmd}` (any Python 3.11 runs it, uvloop makes the clients cheaper; "
        "BENCH_KIOSK names Kiosk's `kiosk`, default .venv/bin/kiosk).",
        "",
        f"Setup: {setup}; a SQLite database with the demo data. N clients = N/20 screens "
        "(a heartbeat every 12 s, as a display sends) + intranet widgets, in "
        f"{args.procs} client process"
        + (", offering permessage-deflate as browsers do" if args.deflate else "")
        + f". {args.approvals} approvals {args.interval} s apart "
        f"per run, {args.rounds} rounds, each Kiosk run followed by the Node reference "
        "(same clients, same `item_added` bytes). Latency: from just before the approval's "
        "HTTP request until the LAST of the N clients has its `item_added`, pooled over the "
        "rounds. KB/conn: (RSS of the server process tree with N connected − before) / N, "
        "median of the rounds. \"Approval answered\": when the HTTP answer came back.",
        "",
        text,
        ""])
    write_section(body, marker)


if __name__ == "__main__":
    sys.exit(main())
