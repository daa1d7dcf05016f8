"""Socket.IO fan-out benchmark for `kiosk serve` (see docs/serving.md).

    python bench/fanout.py --server gevent|gevent-websocket|threading|eventlet|node \
        --clients 200 [--emits 40 --interval 0.25 --procs 2 --results bench/results.jsonl]

Starts the chosen server (bench/fanout_server.py under gunicorn / socketio.run, or
bench/fanout_node.js) on a free 127.0.0.1 port, connects N Socket.IO clients to
namespace "/live" with auth {"widget": "bench"}, waits until all are in, then POSTs
/emit?seq=k K times, ~interval apart. For each emit it records the time from the
server's `sent` stamp (time.time_ns() on the server, same box, same clock) until the
LAST client received the `item_added` event. Prints one table row; --results appends
the full record as one JSON line. Everything is loopback-only and bounded: it stops the
server and its clients by itself.

The clients are a raw Engine.IO 4 / Socket.IO 5 websocket client written on asyncio
protocols (stdlib only), spread over --procs processes, so that the client side costs a
few microseconds per message; the per-message client cost is measured and reported
(client_us_per_msg) so one can check it is not the bottleneck.
"""
import argparse
import asyncio
import base64
import http.client
import json
import multiprocessing
import os
import platform
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
NAMESPACE = "/live"
AUTH = {"widget": "bench"}

# Server candidates. Interpreters come from venvs made as in docs/serving.md; override
# with BENCH_PY (no gevent-websocket), BENCH_PY_GWS (with it), BENCH_PY_EVENTLET, BENCH_NODE.
PY = os.environ.get("BENCH_PY", "/tmp/benchvenv/bin/python")
PY_GWS = os.environ.get("BENCH_PY_GWS", "/tmp/benchvenv-gws/bin/python")
PY_EV = os.environ.get("BENCH_PY_EVENTLET", "/tmp/benchvenv-ev/bin/python")
NODE = os.environ.get("BENCH_NODE", "node")


def gunicorn_cmd(py, port, worker_args, worker_connections):
    return [py, "-m", "gunicorn", "-w", "1", *worker_args,
            "--worker-connections", str(worker_connections),
            "--no-control-socket", "--graceful-timeout", "5", "--log-level", "warning",
            "-b", f"127.0.0.1:{port}", "fanout_server:app"]


def server_spec(name, port, args):
    """(argv, extra env, expected async_mode, expected websocket module)"""
    if name == "gevent":
        return (gunicorn_cmd(PY, port, ["-k", "gevent"], args.worker_connections),
                {"BENCH_ASYNC_MODE": "gevent"}, "gevent", "simple_websocket")
    if name == "gevent-websocket":
        return (gunicorn_cmd(PY_GWS, port,
                             ["-k", "geventwebsocket.gunicorn.workers.GeventWebSocketWorker"],
                             args.worker_connections),
                {"BENCH_ASYNC_MODE": "gevent"}, "gevent", "geventwebsocket")
    if name == "threading":
        return (gunicorn_cmd(PY, port, ["-k", "gthread", "--threads", str(args.threads)],
                             args.worker_connections),
                {"BENCH_ASYNC_MODE": "threading"}, "threading", "simple_websocket")
    if name == "eventlet":
        return ([PY_EV, "fanout_server.py", "--mode", "eventlet", "--port", str(port)],
                {"BENCH_ASYNC_MODE": "eventlet"}, "eventlet", "eventlet.websocket")
    if name == "node":
        return ([NODE, "fanout_node.js", str(port)], {}, "node", None)
    raise SystemExit(f"unknown server {name!r}")


# --------------------------------------------------------------------------- client


def ws_frame(payload, opcode=0x1):
    """One masked client frame."""
    n = len(payload)
    if n < 126:
        head = bytes((0x80 | opcode, 0x80 | n))
    elif n < 65536:
        head = bytes((0x80 | opcode, 0x80 | 126)) + n.to_bytes(2, "big")
    else:
        head = bytes((0x80 | opcode, 0x80 | 127)) + n.to_bytes(8, "big")
    mask = os.urandom(4)
    key = int.from_bytes((mask * (n // 4 + 1))[:n], "big")
    body = (int.from_bytes(payload, "big") ^ key).to_bytes(n, "big")
    return head + mask + body


class Shared:
    """Per-process receive statistics, shared by all clients of the process."""

    def __init__(self):
        self.recording = False
        self.stats = {}  # seq -> [count, first_recv_ns, last_recv_ns, sent_ns]
        self.busy_ns = 0
        self.msgs = 0
        self.errors = {}

    def error(self, what):
        self.errors[what] = self.errors.get(what, 0) + 1


class SioClient(asyncio.Protocol):
    """Minimal Socket.IO 5 / Engine.IO 4 client over a websocket (no polling).

    With `deflate` set it offers permessage-deflate as browsers do and inflates what the
    server compressed (RSV1), keeping one inflater per connection (RFC 7692)."""

    deflate = False

    def __init__(self, host, port, shared):
        self.host, self.port, self.shared = host, port, shared
        self.ready = asyncio.get_running_loop().create_future()
        self.buf = bytearray()
        self.upgraded = False
        self.transport = None
        self.frag = None
        self.inflater = None

    def connection_made(self, transport):
        self.transport = transport
        sock = transport.get_extra_info("socket")
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        key = base64.b64encode(os.urandom(16)).decode()
        transport.write((
            "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
            f"Host: {self.host}:{self.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            + ("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
               if self.deflate else "") + "\r\n").encode())

    def connection_lost(self, exc):
        if not self.ready.done():
            self.ready.set_exception(ConnectionError(f"closed before connect: {exc!r}"))

    def send_text(self, text):
        self.transport.write(ws_frame(text.encode()))

    def data_received(self, data):
        t = time.time_ns()
        sh = self.shared
        p0 = time.perf_counter_ns() if sh.recording else 0
        buf = self.buf
        buf += data
        if not self.upgraded:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                return
            status = bytes(buf[:buf.find(b"\r\n")])
            if b" 101 " not in status:
                self.fail(f"handshake: {status[:60]!r}")
                return
            head = bytes(buf[:end]).lower()
            if b"permessage-deflate" in head:
                bits = re.search(rb"server_max_window_bits=(\d+)", head)
                self.inflater = zlib.decompressobj(-int(bits.group(1)) if bits else -15)
            del buf[:end + 4]
            self.upgraded = True
        while len(buf) >= 2:
            b0, b1 = buf[0], buf[1]
            n = b1 & 0x7F
            pos = 2
            if n == 126:
                if len(buf) < 4:
                    break
                n = int.from_bytes(buf[2:4], "big")
                pos = 4
            elif n == 127:
                if len(buf) < 10:
                    break
                n = int.from_bytes(buf[2:10], "big")
                pos = 10
            if b1 & 0x80:  # servers do not mask, but be safe
                pos += 4
            if len(buf) < pos + n:
                break
            payload = bytes(buf[pos:pos + n])
            del buf[:pos + n]
            opcode = b0 & 0x0F
            if b0 & 0x40 and self.inflater:  # compressed (only unfragmented, from servers here)
                payload = self.inflater.decompress(payload + b"\x00\x00\xff\xff")
            if opcode == 0x0:  # continuation
                self.frag[1] += payload
                if b0 & 0x80:
                    opcode, payload = self.frag
                    self.frag = None
                else:
                    continue
            elif not b0 & 0x80:  # first fragment
                self.frag = [opcode, payload]
                continue
            if opcode == 0x1:
                self.on_text(payload.decode(), t)
            elif opcode == 0x8:
                self.transport.close()
                return
            elif opcode == 0x9:
                self.transport.write(ws_frame(payload, 0xA))
        if p0:
            sh.busy_ns += time.perf_counter_ns() - p0

    def on_text(self, msg, t):
        kind = msg[0]
        if kind == "4":  # engine.io message -> socket.io packet
            sio = msg[1]
            if sio == "2":  # EVENT  42/live,["item_added",{...}]
                event = json.loads(msg[msg.index(",") + 1:])
                if event[0] == "item_added":
                    data = event[1]
                    sh = self.shared
                    st = sh.stats.get(data["id"])
                    if st is None:
                        sh.stats[data["id"]] = [1, t, t, data["sent"]]
                    else:
                        st[0] += 1
                        if t > st[2]:
                            st[2] = t
                        if t < st[1]:
                            st[1] = t
                    sh.msgs += 1
            elif sio == "0":  # CONNECT ack
                if not self.ready.done():
                    self.ready.set_result(True)
            elif sio == "4":  # CONNECT_ERROR
                self.fail(f"connect_error {msg[:80]}")
        elif kind == "2":  # engine.io ping
            self.send_text("3")
        elif kind == "0":  # engine.io open
            self.send_text(f"40{NAMESPACE},{json.dumps(AUTH)}")
        elif kind == "1":  # engine.io close
            self.transport.close()

    def fail(self, why):
        if not self.ready.done():
            self.ready.set_exception(ConnectionError(why))
        self.transport.close()


async def connect_many(host, port, n, concurrency, deadline, shared):
    """Connect n clients, at most `concurrency` handshakes in flight; returns
    (clients, per-client connect seconds, t_first_ns, t_last_ns)."""
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(concurrency)
    clients, lat = [], []
    t_start = time.time_ns()
    t_last = [t_start]

    async def one():
        async with sem:
            left = deadline - time.monotonic()
            if left <= 0:
                shared.error("connect timeout")
                return
            t0 = time.perf_counter()
            proto = None
            try:
                _, proto = await asyncio.wait_for(
                    loop.create_connection(lambda: SioClient(host, port, shared), host, port),
                    left)
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
            t_last[0] = max(t_last[0], time.time_ns())
            clients.append(proto)

    await asyncio.gather(*(one() for _ in range(n)))
    return clients, lat, t_start, t_last[0]


async def client_proc_main(conn, host, port, n, concurrency, connect_timeout):
    loop = asyncio.get_running_loop()
    inbox = asyncio.Queue()
    loop.add_reader(conn.fileno(), lambda: inbox.put_nowait(conn.recv()))
    shared = Shared()
    clients, lat, t0, t1 = await connect_many(
        host, port, n, concurrency, time.monotonic() + connect_timeout, shared)
    conn.send(("connected", {"ok": len(clients), "lat": lat, "t_start": t0, "t_end": t1,
                             "errors": shared.errors}))
    cmd, arg = await inbox.get()
    cpu0 = time.process_time()
    if cmd == "record":
        shared.recording = True
        cpu0 = time.process_time()
        cmd, arg = await inbox.get()
    if cmd == "collect":
        seqs, wait_s = arg
        end = time.monotonic() + wait_s
        want = len(clients)
        while time.monotonic() < end:
            if all(shared.stats.get(s, (0,))[0] >= want for s in seqs):
                break
            await asyncio.sleep(0.05)
        conn.send(("results", {"stats": shared.stats, "busy_ns": shared.busy_ns,
                               "cpu_s": time.process_time() - cpu0,
                               "msgs": shared.msgs, "errors": shared.errors}))
    for c in clients:
        c.transport.close()
    await asyncio.sleep(0.2)
    loop.remove_reader(conn.fileno())


def pick_loop(which):
    """'uvloop' if asked for or (auto) importable, else the stdlib asyncio loop."""
    if which in ("auto", "uvloop"):
        try:
            import uvloop
            return "uvloop", uvloop.run
        except ImportError:
            if which == "uvloop":
                raise
    return "asyncio", asyncio.run


def client_proc(conn, host, port, n, concurrency, connect_timeout, loop_kind):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pick_loop(loop_kind)[1](client_proc_main(conn, host, port, n, concurrency, connect_timeout))


# --------------------------------------------------------------------------- server side


def connect_report(workers, timeout):
    """Wait for every client process's ("connected", {...}) report and add them up."""
    info = []
    for _, c in workers:
        if not c.poll(timeout + 30):
            raise RuntimeError("client process did not report")
        info.append(c.recv()[1])
    lat = [x for i in info for x in i["lat"]]
    errors = {}
    for i in info:
        for k, v in i["errors"].items():
            errors[k] = errors.get(k, 0) + v
    return {"connected": sum(i["ok"] for i in info), "connect_errors": errors,
            "connect_all_s": (max(i["t_end"] for i in info)
                              - min(i["t_start"] for i in info)) / 1e9,
            "connect_p50_ms": (pct(lat, 50) or 0) * 1e3,
            "connect_p99_ms": (pct(lat, 99) or 0) * 1e3}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raise_nofile():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = hard if hard != resource.RLIM_INFINITY else 65536
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def process_tree(root):
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(d))
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def rss_kb(root):
    """VmRSS summed over the server's process tree (gunicorn master + worker)."""
    total = 0
    for pid in process_tree(root):
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def cpu_s(root):
    """utime + stime summed over the server's process tree, in seconds."""
    ticks = 0
    for pid in process_tree(root):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def http_req(port, method, path, timeout=5.0):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request(method, path)
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def wait_ready(port, proc, timeout=30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            status, body = http_req(port, "GET", "/health", 1.0)
            if status == 200:
                return json.loads(body)
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError("server did not come up")


def stop_server(proc):
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


def warm_up(port):
    """Connect a few clients, fan one emit (seq 0) out to them, disconnect: loads the
    lazily imported websocket code paths before the baseline RSS is taken."""
    async def run():
        shared = Shared()
        clients, _, _, _ = await connect_many("127.0.0.1", port, 5, 5, time.monotonic() + 10,
                                              shared)
        await asyncio.get_running_loop().run_in_executor(None, http_req, port, "POST",
                                                         "/emit?seq=0")
        await asyncio.sleep(0.3)
        for c in clients:
            c.transport.close()
        await asyncio.sleep(0.2)
        return len(clients), shared.stats.get(0, [0])[0]
    return asyncio.run(run())


def pct(values, q):
    if not values:
        return None
    v = sorted(values)
    k = (len(v) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version()}


def machine_line() -> str:
    """The machine as the bench sections of docs/benchmarks.md name it."""
    m = machine()
    return f"{m['cpu']}, {m['nproc']} cores, Python {m['python']}"


def run(args):
    nofile = raise_nofile()
    port = free_port()
    argv, extra_env, want_mode, want_ws = server_spec(args.server, port, args)
    env = dict(os.environ, **extra_env)
    log = tempfile.NamedTemporaryFile("w+", prefix=f"fanout-{args.server}-", suffix=".log",
                                      delete=False)
    rec = {"server": args.server, "clients": args.clients, "emits": args.emits,
           "interval_s": args.interval, "procs": args.procs, "argv": argv,
           "threads": args.threads if args.server == "threading" else None,
           "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine(),
           "nofile": nofile, "server_log": log.name, "client_loop": pick_loop(args.loop)[0]}
    proc = subprocess.Popen(argv, cwd=HERE, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    workers = []
    try:
        health = wait_ready(port, proc)
        if health.get("async_mode") != want_mode:
            raise RuntimeError(f"server runs async_mode {health.get('async_mode')!r}")
        rec["warmup"] = warm_up(port)
        health = json.loads(http_req(port, "GET", "/health")[1])
        if want_ws and want_ws not in health.get("websocket", []):
            raise RuntimeError(f"websocket via {health.get('websocket')}, wanted {want_ws}")
        rec["health"] = health
        time.sleep(1.0)
        rss0 = rss_kb(proc.pid)

        # clients, spread over processes
        ctx = multiprocessing.get_context("fork")
        shares = [args.clients // args.procs + (i < args.clients % args.procs)
                  for i in range(args.procs)]
        for n in shares:
            parent, child = ctx.Pipe()
            p = ctx.Process(target=client_proc, daemon=True,
                            args=(child, "127.0.0.1", port, n, args.connect_concurrency,
                                  args.connect_timeout, args.loop))
            p.start()
            workers.append((p, parent))
        rec.update(connect_report(workers, args.connect_timeout))
        ok = rec["connected"]
        time.sleep(1.0)
        rss1 = rss_kb(proc.pid)
        rec.update(rss_before_kb=rss0, rss_connected_kb=rss1,
                   kb_per_conn=(rss1 - rss0) / ok if ok else None)

        # emits
        for _, c in workers:
            c.send(("record", None))
        time.sleep(0.1)
        server_cpu0 = cpu_s(proc.pid)
        triggers, emit_errors = {}, 0
        t_base = time.monotonic() + 0.1
        for k in range(1, args.emits + 1):
            delay = t_base + (k - 1) * args.interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            t = time.time_ns()
            try:
                status, _ = http_req(port, "POST", f"/emit?seq={k}", args.emit_timeout)
                if status != 200:
                    emit_errors += 1
                triggers[k] = (t, time.time_ns())
            except OSError:
                emit_errors += 1
            if emit_errors >= 3 and not triggers:
                rec["emit_aborted"] = "first 3 POST /emit failed: server cannot take the request"
                break
        for _, c in workers:
            c.send(("collect", (list(triggers), args.settle)))
        results = []
        for _, c in workers:
            if not c.poll(args.settle + 30):
                raise RuntimeError("client process did not send results")
            results.append(c.recv()[1])
        rec["rss_after_emits_kb"] = rss_kb(proc.pid)
        server_cpu = cpu_s(proc.pid) - server_cpu0

        last, first, from_trigger, post_ms, lost = [], [], [], [], 0
        for k, (t_trig, t_resp) in triggers.items():
            sts = [r["stats"][k] for r in results if k in r["stats"]]
            got = sum(s[0] for s in sts)
            post_ms.append((t_resp - t_trig) / 1e6)
            if got < ok or not sts:
                lost += ok - got
                if not sts:
                    continue
            sent = sts[0][3]
            last.append((max(s[2] for s in sts) - sent) / 1e6)
            first.append((min(s[1] for s in sts) - sent) / 1e6)
            from_trigger.append((max(s[2] for s in sts) - t_trig) / 1e6)
        msgs = sum(r["msgs"] for r in results)
        busy = sum(r["busy_ns"] for r in results)
        cpu = sum(r["cpu_s"] for r in results)
        rec.update(
            emits_ok=len(triggers), emit_errors=emit_errors, lost_deliveries=lost,
            last_p50_ms=pct(last, 50), last_p99_ms=pct(last, 99),
            last_max_ms=max(last) if last else None,
            first_p50_ms=pct(first, 50), trigger_to_last_p50_ms=pct(from_trigger, 50),
            post_p50_ms=pct(post_ms, 50), last_ms=last,
            client_us_per_msg=(busy / msgs / 1e3) if msgs else None,
            client_cpu_us_per_msg=(cpu / msgs * 1e6) if msgs else None,
            server_cpu_us_per_msg=(server_cpu / msgs * 1e6) if msgs else None,
            client_errors=[r["errors"] for r in results if r["errors"]])
    except Exception as exc:  # noqa: BLE001
        rec["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        for _, c in workers:
            try:
                c.send(("stop", None))
            except OSError:
                pass
        for p, _ in workers:
            p.join(5)
            if p.is_alive():
                p.kill()
                p.join()
        stop_server(proc)
        log.close()
    if "error" in rec:
        with open(log.name) as f:
            rec["server_log_tail"] = f.read()[-2000:]
    return rec


HEADER = (f"{'server':<17} {'N':>4} {'conn':>4} {'conn_s':>6} {'p50_ms':>7} {'p99_ms':>7} "
          f"{'max_ms':>7} {'lost':>4} {'KB/conn':>7} {'srv_us':>6} {'cli_us':>6}")


def row(rec):
    def f(v, fmt):
        return format(v, fmt) if isinstance(v, (int, float)) else "-"
    name = rec["server"] + (f"/{rec['threads']}t" if rec.get("threads") else "")
    s = (f"{name:<17} {rec['clients']:>4} {f(rec.get('connected'), 'd'):>4} "
         f"{f(rec.get('connect_all_s'), '.2f'):>6} {f(rec.get('last_p50_ms'), '.1f'):>7} "
         f"{f(rec.get('last_p99_ms'), '.1f'):>7} {f(rec.get('last_max_ms'), '.1f'):>7} "
         f"{f(rec.get('lost_deliveries'), 'd'):>4} {f(rec.get('kb_per_conn'), '.1f'):>7} "
         f"{f(rec.get('server_cpu_us_per_msg'), '.1f'):>6} "
         f"{f(rec.get('client_cpu_us_per_msg'), '.1f'):>6}")
    if rec.get("error"):
        s += f"  ERROR {rec['error']}"
    elif rec.get("connect_errors") or rec.get("emit_errors") or rec.get("lost_deliveries"):
        s += f"  ({rec.get('connect_errors')}, emit errors {rec.get('emit_errors')})"
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--server", required=True,
                    choices=["gevent", "gevent-websocket", "threading", "eventlet", "node"])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--emits", type=int, default=40)
    ap.add_argument("--interval", type=float, default=0.25, help="seconds between emits")
    ap.add_argument("--procs", type=int, default=1,
                    help="client processes (1 is best on a 2-core box: server and clients "
                         "get a core each)")
    ap.add_argument("--threads", type=int, default=100, help="gthread threads (threading)")
    ap.add_argument("--worker-connections", type=int, default=4000)
    ap.add_argument("--connect-concurrency", type=int, default=50,
                    help="handshakes in flight per client process")
    ap.add_argument("--connect-timeout", type=float, default=30.0)
    ap.add_argument("--emit-timeout", type=float, default=5.0)
    ap.add_argument("--settle", type=float, default=5.0,
                    help="seconds to wait for stragglers after the last emit")
    ap.add_argument("--loop", choices=["auto", "uvloop", "asyncio"], default="auto",
                    help="client event loop (auto: uvloop when importable)")
    ap.add_argument("--results", help="append the full record as a JSON line to this file")
    ap.add_argument("--no-header", action="store_true")
    args = ap.parse_args()
    if not 1 <= args.clients <= 5000 or not 1 <= args.emits <= 1000:
        ap.error("keep the load bounded: 1..5000 clients, 1..1000 emits")
    rec = run(args)
    if not args.no_header:
        print(HEADER)
    print(row(rec), flush=True)
    if args.results:
        with open(args.results, "a") as f:
            f.write(json.dumps(rec) + "\n")
    return 1 if rec.get("error") else 0


if __name__ == "__main__":
    sys.exit(main())
