/**
 * The Python half of the worker (src/validate/pyworker.ts), embedded as a string so a bundle needs no extra file.
 * It runs as `python -I -S -u -c PYWORKER_SCRIPT <config json>` and must stay compatible with Python 3.8.
 *
 * Protocol (JSON lines, ASCII only): the worker first writes `{"id":0,"ready":true,"python":"3.11.7","pid":n}`.
 * Every request is `{"id","op":"batch","kind":"exec"|"call"|"check"|"eval","items":[...],"opts":{...}}`; the
 * answer is one or more `{"id","part":[result...]}` lines, the last with `"done":true`. Results come in item
 * order; a part is written at least every 50 ms (after every item when `opts.stream`), so a silent worker is a
 * hung worker. Each item runs under a soft timer (SIGALRM, `opts.timeout` seconds) with `sys.stdout` captured.
 *
 * Invariants: protocol output goes to a private duplicate of fd 1, and fd 1 itself is pointed at stderr, so
 * nothing user code prints can be mistaken for an answer; fd 0 is /dev/null for user code for the same reason.
 */
export const PYWORKER_SCRIPT = String.raw`
import builtins, collections, functools, io, itertools, json, math, operator, os, re, signal, string, sys, time

CONFIG = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
MAX_TEXT = int(CONFIG.get("maxReprChars") or 100000)
MODULES = {}
EXPR_GLOBALS = {"__builtins__": builtins, "math": math, "re": re, "collections": collections,
                "itertools": itertools, "functools": functools, "operator": operator, "string": string}
LITERAL_GLOBALS = {"__builtins__": {}, "inf": math.inf, "nan": math.nan, "set": set, "frozenset": frozenset}
CODE_CACHE = {}
ARMED = [False]
HAS_TIMER = hasattr(signal, "setitimer")
SET_DIGITS = getattr(sys, "set_int_max_str_digits", None)


class WorkerTimeout(BaseException):
    pass


class InvalidInput(Exception):
    pass


def setup_limits():
    mem = int(CONFIG.get("memoryLimitMb") or 0)
    if mem > 0:
        try:
            import resource
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            limit = mem * 1024 * 1024
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        except (ImportError, ValueError, OSError):
            pass
    if CONFIG.get("recursionLimit"):
        sys.setrecursionlimit(int(CONFIG["recursionLimit"]))
    if HAS_TIMER:
        signal.signal(signal.SIGALRM, on_alarm)


def open_channels():
    inp = os.fdopen(os.dup(0), "rb")
    out = os.fdopen(os.dup(1), "wb")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    sys.stdin = io.StringIO("")
    return inp, out


def on_alarm(signum, frame):
    if ARMED[0]:
        raise WorkerTimeout()


def arm(seconds):
    ARMED[0] = True
    if HAS_TIMER and seconds > 0:
        signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)


def disarm():
    ARMED[0] = False
    if HAS_TIMER:
        signal.setitimer(signal.ITIMER_REAL, 0)


def unlimited_digits(fn, *args):
    try:
        return fn(*args)
    except (ValueError, SyntaxError):
        if SET_DIGITS is None:
            raise
        old = sys.get_int_max_str_digits()
        SET_DIGITS(0)
        try:
            return fn(*args)
        finally:
            SET_DIGITS(old)


def compiled(source, mode, filename):
    key = (source, mode, filename)
    code = CODE_CACHE.get(key)
    if code is None:
        if len(CODE_CACHE) > 20000:
            CODE_CACHE.clear()
        code = unlimited_digits(compile, source, filename, mode)
        CODE_CACHE[key] = code
    return code


def literal(source, what):
    try:
        return eval(compiled(source, "eval", "<aurora-literal>"), LITERAL_GLOBALS)
    except Exception as e:
        raise InvalidInput("%s %s: %s: %s" % (what, cut(source)[0][:200], type(e).__name__, e))


def cut(text):
    if len(text) > MAX_TEXT:
        return text[:MAX_TEXT], True
    return text, False


class Capture(io.StringIO):
    truncated = False

    def write(self, s):
        room = MAX_TEXT - self.tell()
        if room > 0:
            super().write(s[:room])
        if len(s) > room:
            self.truncated = True
        return len(s)


def describe(value):
    text, truncated = cut(unlimited_digits(repr, value))
    result = {"ok": True, "repr": text, "type": type(value).__name__}
    if truncated:
        result["truncated"] = True
    return result


def error_line(e):
    line = None
    if isinstance(e, SyntaxError) and (e.filename or "").startswith("<aurora:"):
        line = e.lineno
    tb = e.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.startswith("<aurora:"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def failure(kind, e):
    try:
        message = str(e)
    except BaseException:
        message = "<unprintable %s>" % type(e).__name__
    result = {"ok": False, "kind": kind, "error": type(e).__name__, "message": cut(message)[0]}
    line = error_line(e)
    if line is not None:
        result["line"] = line
    return result


def guarded(thunk, opts):
    capture = Capture()
    saved = sys.stdout
    sys.stdout = capture
    try:
        try:
            arm(float(opts.get("timeout") or 0))
            try:
                result = thunk()
            finally:
                disarm()
        except WorkerTimeout:
            disarm()
            result = {"ok": False, "kind": "timeout", "error": "Timeout",
                      "message": "no result within %g s" % float(opts.get("timeout") or 0)}
        except BaseException as e:
            disarm()
            result = failure("exception", e)
    finally:
        sys.stdout = saved
    if capture.tell():
        result["stdout"] = capture.getvalue()
    if capture.truncated:
        result["stdoutTruncated"] = True
    return result


def lookup(module, name):
    ns = MODULES.get(module)
    if ns is None:
        raise InvalidInput("module %r was not exec'd in this worker" % module)
    fn = ns.get(name)
    if not callable(fn):
        raise InvalidInput("module %r defines no function %r" % (module, name))
    return fn


def close(a, b, rel, abs_):
    if type(a) is float and type(b) is float:
        return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)
    if type(a) is type(b) and isinstance(a, (list, tuple)) and len(a) == len(b):
        return all(close(x, y, rel, abs_) for x, y in zip(a, b))
    if type(a) is type(b) and isinstance(a, dict) and a.keys() == b.keys():
        return all(close(a[k], b[k], rel, abs_) for k in a)
    return bool(a == b)


def equal(actual, expected, opts):
    tol = opts.get("tolerance")
    if tol is None:
        return bool(actual == expected)
    return close(actual, expected, float(tol[0]), float(tol[1]))


def item_exec(item, opts):
    name = item["module"]
    ns = {"__name__": name, "__builtins__": builtins}
    code = item["source"]

    def thunk():
        exec(unlimited_digits(compile, code, "<aurora:%s>" % name, "exec"), ns)
        return {"ok": True}

    MODULES.pop(name, None)
    result = guarded(thunk, opts)
    if result["ok"]:
        MODULES[name] = ns
    return result


def item_call(item, opts):
    args = [literal(a, "argument") for a in item["args"]]
    fn = lookup(item["module"], item["fn"])
    return guarded(lambda: describe(fn(*args)), opts)


def item_check(item, opts):
    args = [literal(a, "argument") for a in item["args"]]
    expected = literal(item["expected"], "expected value")
    fn = lookup(item["module"], item["fn"])

    def thunk():
        actual = fn(*args)
        result = describe(actual)
        result["pass"] = equal(actual, expected, opts)
        return result

    return guarded(thunk, opts)


def item_eval(item, opts):
    module = opts.get("module")
    base = MODULES.get(module) if module else EXPR_GLOBALS
    if base is None:
        raise InvalidInput("module %r was not exec'd in this worker" % module)
    scope = dict(base)
    for name, source in (item.get("bindings") or {}).items():
        scope[name] = literal(source, "binding %s =" % name)
    try:
        code = compiled(item["source"], "eval", "<aurora-expr>")
    except SyntaxError as e:
        raise InvalidInput("expression %s: SyntaxError: %s" % (cut(item["source"])[0][:200], e))
    return guarded(lambda: describe(eval(code, scope)), opts)


HANDLERS = {"exec": item_exec, "call": item_call, "check": item_check, "eval": item_eval}


def run_item(handler, item, opts):
    try:
        return handler(item, opts)
    except InvalidInput as e:
        return {"ok": False, "kind": "invalidInput", "error": "InvalidInput", "message": str(e)}
    except WorkerTimeout:
        disarm()
        return {"ok": False, "kind": "timeout", "error": "Timeout", "message": "timed out"}
    except BaseException as e:
        disarm()
        return failure("exception", e)


def send(out, message):
    out.write(json.dumps(message, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n")
    out.flush()


def serve(out, request):
    rid = request.get("id")
    handler = HANDLERS.get(request.get("kind"))
    if request.get("op") != "batch" or handler is None:
        send(out, {"id": rid, "fatal": "unknown request %r/%r" % (request.get("op"), request.get("kind"))})
        return
    opts = request.get("opts") or {}
    stream = bool(opts.get("stream"))
    buffer = []
    last = time.monotonic()
    for item in request.get("items") or []:
        buffer.append(run_item(handler, item, opts))
        if stream or time.monotonic() - last > 0.05:
            send(out, {"id": rid, "part": buffer})
            buffer = []
            last = time.monotonic()
    send(out, {"id": rid, "part": buffer, "done": True})


def main():
    setup_limits()
    inp, out = open_channels()
    send(out, {"id": 0, "ready": True, "python": "%d.%d.%d" % tuple(sys.version_info[:3]), "pid": os.getpid()})
    for line in inp:
        if line.strip():
            serve(out, json.loads(line))


main()
`;
