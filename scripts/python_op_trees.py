"""Maps Python source to Aurora-X DSL op trees, for learning a prior from public reference solutions.

Reads JSON lines with a `code` field (MBPP) on stdin, prints JSON lines {"task_id", "text", "trees": [...]}: one op
tree ({"op": name, "kids": [...]}, leaves "var" and "const") per returned expression, comprehension and condition
that the DSL can express. Anything else maps to nothing (it is not counted). Used by scripts/train-prior.ts.
"""
import ast
import json
import sys

CMP = {ast.Eq: "cmp.eq", ast.NotEq: "cmp.ne", ast.Lt: "cmp.lt", ast.LtE: "cmp.le", ast.Gt: "cmp.gt", ast.GtE: "cmp.ge"}
BUILTINS1 = {
    "len": "seq.len", "sum": "seq.sum", "sorted": "seq.sorted", "abs": "int.abs", "str": "int.str", "int": "str.int",
    "float": "str.float", "ord": "str.ord", "chr": "str.chr", "bin": "str.bin", "hex": "str.hex", "oct": "str.oct",
    "list": "seq.list", "tuple": "seq.tuple", "set": "set.of", "enumerate": "seq.enumerate", "any": "seq.any",
    "all": "seq.all", "reversed": "seq.reverse", "round": "float.round", "min": "seq.min", "max": "seq.max",
}
METHODS = {
    "upper": "str.upper", "lower": "str.lower", "swapcase": "str.swapcase", "capitalize": "str.capitalize",
    "title": "str.title", "replace": "str.replace", "find": "str.find", "rfind": "str.rfind", "count": "str.count",
    "startswith": "str.startswith", "endswith": "str.endswith", "isdigit": "str.isdigit", "isalpha": "str.isalpha",
    "isalnum": "str.isalnum", "isupper": "str.isupper", "islower": "str.islower", "isspace": "str.isspace",
    "zfill": "str.zfill", "rjust": "str.rjust", "ljust": "str.ljust", "join": "str.join", "index": "seq.index",
    "get": "dict.getd", "keys": "dict.keys", "values": "dict.values", "items": "dict.items",
}
MATH = {"sqrt": "float.sqrt", "floor": "float.floor", "ceil": "float.ceil", "gcd": "int.gcd", "factorial": "int.factorial", "isqrt": "int.isqrt", "pow": "float.pow", "pi": "float.pi"}


def leaf(op):
    return {"op": op, "kids": []}


def node(op, *kids):
    ks = [k for k in kids if k is not None]
    return {"op": op, "kids": ks}


def is_str(n):
    return (isinstance(n, ast.Constant) and isinstance(n.value, str)) or isinstance(n, ast.JoinedStr)


def conv(n):
    """The op tree of an expression, or None when the DSL has no counterpart."""
    if isinstance(n, ast.Name):
        return leaf("var")
    if isinstance(n, ast.Constant):
        return leaf("const")
    if isinstance(n, ast.BinOp):
        return binop(n)
    if isinstance(n, ast.UnaryOp):
        op = "int.neg" if isinstance(n.op, ast.USub) else "bool.not" if isinstance(n.op, ast.Not) else None
        if isinstance(n.op, ast.USub) and isinstance(n.operand, ast.Constant):
            return leaf("const")
        return node(op, conv(n.operand)) if op else None
    if isinstance(n, ast.BoolOp):
        op = "bool.and" if isinstance(n.op, ast.And) else "bool.or"
        kids = [conv(v) for v in n.values]
        tree = kids[0]
        for k in kids[1:]:
            tree = node(op, tree, k)
        return tree
    if isinstance(n, ast.Compare) and len(n.ops) == 1:
        return compare(n.ops[0], n.left, n.comparators[0])
    if isinstance(n, ast.IfExp):
        return node("if", conv(n.test), conv(n.body), conv(n.orelse))
    if isinstance(n, ast.Call):
        return call(n)
    if isinstance(n, ast.Subscript):
        return subscript(n)
    if isinstance(n, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
        return comp(n, None)
    if isinstance(n, ast.DictComp) and len(n.generators) == 1:
        return node("comp.dict", conv(n.generators[0].iter), conv(n.value))
    if isinstance(n, ast.Tuple) and len(n.elts) == 2:
        return node("tuple.make2", conv(n.elts[0]), conv(n.elts[1]))
    if isinstance(n, ast.List) and len(n.elts) == 1:
        return node("list.single", conv(n.elts[0]))
    return None


def binop(n):
    l, r = conv(n.left), conv(n.right)
    if isinstance(n.op, ast.Add):
        if isinstance(n.right, ast.List) and len(n.right.elts) == 1:
            return node("list.append", l, conv(n.right.elts[0]))
        if is_str(n.left) or is_str(n.right) or isinstance(n.left, (ast.List, ast.Tuple)) or isinstance(n.right, (ast.List, ast.Tuple)):
            return node("seq.concat", l, r)
        return node("int.add", l, r)
    if isinstance(n.op, ast.Mult):
        if is_str(n.left) or is_str(n.right):
            return node("str.repeat", l, r)
        return node("int.mul", l, r)
    ops = {ast.Sub: "int.sub", ast.Div: "float.div", ast.FloorDiv: "int.floordiv", ast.Mod: "int.mod", ast.Pow: "int.pow", ast.BitAnd: "set.and", ast.BitOr: "set.or", ast.BitXor: "set.xor"}
    op = ops.get(type(n.op))
    return node(op, l, r) if op else None


def compare(op, left, right):
    if isinstance(op, (ast.In, ast.NotIn)):
        t = node("str.contains" if is_str(right) or is_str(left) else "seq.contains", conv(left), conv(right))
        return t if isinstance(op, ast.In) else node("bool.not", t)
    name = CMP.get(type(op))
    return node(name, conv(left), conv(right)) if name else None


def call(n):
    f = n.func
    kw = {k.arg: k.value for k in n.keywords}
    if isinstance(f, ast.Name):
        name = f.id
        if name in ("sum", "any", "all", "max", "min") and len(n.args) == 1 and isinstance(n.args[0], (ast.GeneratorExp, ast.ListComp)):
            return comp(n.args[0], name)
        if name in ("max", "min") and "key" in kw:
            return node("comp.maxkey" if name == "max" else "comp.minkey", conv(n.args[0]) if n.args else None, lam(kw["key"]))
        if name in ("max", "min") and len(n.args) == 2:
            return node("int.max2" if name == "max" else "int.min2", conv(n.args[0]), conv(n.args[1]))
        if name == "sorted":
            if "key" in kw:
                return node("comp.sortkeydesc" if "reverse" in kw else "comp.sortkey", conv(n.args[0]) if n.args else None, lam(kw["key"]))
            return node("seq.sortdesc" if "reverse" in kw else "seq.sorted", *(conv(a) for a in n.args))
        if name == "range":
            return node({1: "range.n", 2: "range.ab", 3: "range.abs"}.get(len(n.args), "range.n"), *(conv(a) for a in n.args))
        if name == "zip" and len(n.args) == 2:
            return node("seq.zip", conv(n.args[0]), conv(n.args[1]))
        if name == "dict" and len(n.args) == 1 and isinstance(n.args[0], ast.Call) and getattr(n.args[0].func, "id", "") == "zip":
            return node("dict.zip", *(conv(a) for a in n.args[0].args))
        if name == "round" and len(n.args) == 2:
            return node("float.roundn", conv(n.args[0]), conv(n.args[1]))
        if name == "pow" and len(n.args) == 2:
            return node("int.pow", conv(n.args[0]), conv(n.args[1]))
        if name == "list" and len(n.args) == 1 and isinstance(n.args[0], ast.Call) and getattr(n.args[0].func, "attr", "") == "fromkeys":
            return node("seq.dedupe", conv(n.args[0].args[0]))
        op = BUILTINS1.get(name)
        return node(op, *(conv(a) for a in n.args)) if op else None
    if isinstance(f, ast.Attribute):
        if isinstance(f.value, ast.Name) and f.value.id == "math":
            op = MATH.get(f.attr)
            return node(op, *(conv(a) for a in n.args)) if op else None
        recv = conv(f.value)
        if f.attr == "join" and len(n.args) == 1 and isinstance(n.args[0], (ast.GeneratorExp, ast.ListComp)):
            return comp(n.args[0], "join")
        if f.attr in ("strip", "lstrip", "rstrip"):
            return node(f"str.{f.attr}{'c' if n.args else ''}", recv, *(conv(a) for a in n.args))
        if f.attr == "split":
            return node("str.splitsep" if n.args else "str.split", recv, *(conv(a) for a in n.args))
        op = METHODS.get(f.attr)
        return node(op, recv, *(conv(a) for a in n.args)) if op else None
    return None


def subscript(n):
    s = n.slice
    v = conv(n.value)
    if isinstance(s, ast.Slice):
        if s.lower is None and s.upper is None and s.step is not None:
            neg = isinstance(s.step, ast.UnaryOp) and isinstance(s.step.op, ast.USub) and isinstance(s.step.operand, ast.Constant) and s.step.operand.value == 1
            return node("seq.reverse", v) if neg else node("seq.step", v, conv(s.step))
        if s.lower is not None and s.upper is not None:
            return node("seq.slice", v, conv(s.lower), conv(s.upper))
        if s.lower is not None:
            return node("seq.from", v, conv(s.lower))
        if s.upper is not None:
            return node("seq.to", v, conv(s.upper))
        return v
    return node("seq.get", v, conv(s))


def lam(n):
    return conv(n.body) if isinstance(n, ast.Lambda) else leaf("var")


def comp(n, ctx):
    if len(n.generators) != 1:
        return None
    g = n.generators[0]
    src = conv(g.iter)
    body = conv(n.elt)
    cond = conv(g.ifs[0]) if g.ifs else None
    same = isinstance(n.elt, ast.Name) and isinstance(g.target, ast.Name) and n.elt.id == g.target.id
    if ctx == "sum":
        if isinstance(n.elt, ast.Constant) and cond is not None:
            return node("comp.count", src, cond)
        return node("comp.sum", src, body) if cond is None else node("seq.sum", node("comp.mapfilter", src, body, cond))
    if ctx in ("any", "all"):
        return node(f"comp.{ctx}", src, body)
    if ctx in ("max", "min"):
        return node(f"comp.{ctx}", src, body)
    if ctx == "join":
        if cond is not None and same:
            return node("comp.joinfilter", src, cond)
        return node("comp.join", src, body)
    if cond is None:
        return node("comp.map", src, body)
    return node("comp.filter", src, cond) if same else node("comp.mapfilter", src, body, cond)


def harvest(tree_root):
    """Trees of every returned, assigned or tested expression: what people compute in small functions."""
    out = []
    for n in ast.walk(tree_root):
        value = None
        if isinstance(n, ast.Return):
            value = n.value
        elif isinstance(n, (ast.Assign, ast.AugAssign)):
            value = n.value
        elif isinstance(n, (ast.If, ast.While)):
            value = n.test
        if value is None:
            continue
        t = conv(value)
        if t is not None and t["op"] not in ("var", "const"):
            out.append(prune(t))
    return out


def prune(t):
    """Drops children the DSL could not express (None already removed) and keeps known structure."""
    return {"op": t["op"] or "?", "kids": [prune(k) for k in t["kids"] if k is not None and k.get("op")]}


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        task = json.loads(line)
        try:
            trees = harvest(ast.parse(task.get("code", "").replace("\r\n", "\n").replace("\t", "    ")))
        except SyntaxError:
            trees = []
        print(json.dumps({"task_id": task.get("task_id"), "text": task.get("text", ""), "trees": trees}))


if __name__ == "__main__":
    main()
