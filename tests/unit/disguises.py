"""Ways a candidate might disguise a copied solution, applied to real code for web.similarity.

Each function takes Python source (and a random.Random) and returns source that still parses.
`disguise` chains them all, which is the hardest case the similarity flag must still catch.
Shared by tests/unit/test_similarity.py and bench/similarity_calibration.py.
"""
import ast
import builtins
import io
import keyword
import random
import tokenize

JUNK = ["_unused = 0", "_trace = []", "if False:\n    print('debug')", "_ = len([])", "pass",
        "_checked = True"]
COMMENTS = ["# compute the overlap", "# edge case", "# TODO tidy up", "# main loop", "# see notes",
            "# guard", "# result"]


def bound_names(source: str) -> set[str]:
    """Names the author chose: functions, classes, parameters, assigned names, import aliases."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.alias) and node.asname:
            names.add(node.asname)
    return names - set(dir(builtins))


def fresh_name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = rng.choice("abcdefghkmnpqrstuvwxyz") + "".join(
            rng.choice("abcdefghkmnpqrstuvwxyz0123456789_") for _ in range(rng.randint(1, 8)))
        if name not in taken and not keyword.iskeyword(name) and name not in dir(builtins):
            taken.add(name)
            return name


def rename(source: str, rng: random.Random, mapping: dict[str, str] | None = None) -> str:
    """Rename every bound name (not attributes) in place, keeping the layout."""
    if mapping is None:
        names = sorted(bound_names(source))
        taken = set(names)
        mapping = {name: fresh_name(rng, taken) for name in names}
    lines = source.splitlines(keepends=True)
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    edits = [tok for i, tok in enumerate(tokens) if tok.type == tokenize.NAME
             and tok.string in mapping and not (i and tokens[i - 1].string == ".")]
    for tok in reversed(edits):  # right to left, so earlier columns stay valid
        row, col = tok.start
        line = lines[row - 1]
        lines[row - 1] = line[:col] + mapping[tok.string] + line[col + len(tok.string):]
    return "".join(lines)


def add_comments(source: str, rng: random.Random, share: float = 0.5) -> str:
    """Trailing comments on about `share` of the lines that end a token line."""
    lines = source.splitlines(keepends=True)
    ends = {tok.start[0] for tok in tokenize.generate_tokens(io.StringIO(source).readline)
            if tok.type in (tokenize.NEWLINE, tokenize.NL) and tok.line.strip()
            and not tok.line.lstrip().startswith("#")}
    for row in sorted(ends, reverse=True):
        if rng.random() < share:
            text = lines[row - 1].rstrip("\r\n")
            if "#" not in text:
                lines[row - 1] = f"{text}  {rng.choice(COMMENTS)}\n"
    return "".join(lines)


def reformat(source: str) -> str:
    """Re-print from the syntax tree (new spacing, quotes, parentheses), indented by two."""
    printed = ast.unparse(ast.parse(source))
    out = []
    for line in printed.splitlines():
        stripped = line.lstrip(" ")
        out.append(" " * ((len(line) - len(stripped)) // 2) + stripped)
    return "\n".join(out) + "\n"


class _SwapDocstrings(ast.NodeTransformer):
    """Drop each function's docstring, or give one to a function that had none."""

    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            body = body[1:] or [ast.Pass()]
        else:
            body = [ast.Expr(ast.Constant(f"Work out {node.name} step by step."))] + body
        node.body = body
        return node


def _flip_some(tree: ast.AST, rng: random.Random, flips: int) -> None:
    candidates = [node for node in ast.walk(tree)
                  if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mult))
                  or isinstance(node, ast.Compare) and len(node.ops) == 1
                  and isinstance(node.ops[0], (ast.Lt, ast.Gt, ast.LtE, ast.GtE))]
    mirror = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE}
    for node in rng.sample(candidates, min(flips, len(candidates))):
        if isinstance(node, ast.BinOp):
            node.left, node.right = node.right, node.left
        else:
            node.left, node.comparators = node.comparators[0], [node.left]
            node.ops = [mirror[type(node.ops[0])]()]


def _insert_junk(tree: ast.Module, rng: random.Random, count: int) -> None:
    bodies = [node.body for node in ast.walk(tree)
              if isinstance(node, (ast.FunctionDef, ast.For, ast.While, ast.If))]
    for _ in range(count):
        body = rng.choice(bodies)
        statement = ast.parse(rng.choice(JUNK)).body[0]
        body.insert(rng.randint(0, max(len(body) - 1, 0)), statement)  # before the last one


def _names(node: ast.AST, ctx) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ctx)}


def _swap_independent(body: list, rng: random.Random) -> None:
    """Swap neighbouring assignments that neither read nor write what the other writes."""
    for i in range(len(body) - 1):
        first, second = body[i], body[i + 1]
        if not (isinstance(first, ast.Assign) and isinstance(second, ast.Assign)):
            continue
        w1, w2 = _names(first, ast.Store), _names(second, ast.Store)
        r1, r2 = _names(first, ast.Load), _names(second, ast.Load)
        if not (w1 & (r2 | w2) or w2 & r1) and rng.random() < 0.7:
            body[i], body[i + 1] = second, first


def reorder(source: str, rng: random.Random) -> str:
    """Shuffle the top-level functions and swap independent neighbouring assignments."""
    tree = ast.parse(source)
    slots = [i for i, node in enumerate(tree.body) if isinstance(node, ast.FunctionDef)]
    functions = [tree.body[i] for i in slots]
    rng.shuffle(functions)
    if len(functions) > 1 and [tree.body[i] for i in slots] == functions:
        functions = functions[1:] + functions[:1]
    for i, function in zip(slots, functions):
        tree.body[i] = function
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.For, ast.While, ast.If)):
            _swap_independent(node.body, rng)
    return ast.unparse(tree)


def edit(source: str, rng: random.Random, junk: int = 3, flips: int = 2) -> str:
    """Swap docstrings, insert `junk` dead statements and flip `flips` operands."""
    tree = _SwapDocstrings().visit(ast.parse(source))
    _insert_junk(tree, rng, junk)
    _flip_some(tree, rng, flips)
    return ast.unparse(ast.fix_missing_locations(tree))


# Tricks that change nothing the score looks at, and tricks that change the token stream a little.
LAYOUT_TRICKS = {
    "rename": rename,
    "comments": lambda source, rng: add_comments(source, rng, share=1.0),
    "reformat": lambda source, rng: reformat(source),
    "docstrings": lambda source, rng: edit(source, rng, junk=0, flips=0),
}
STRUCTURE_TRICKS = {
    "reorder": reorder,
    "junk x3": lambda source, rng: edit(source, rng, junk=3, flips=0),
    "flips x2": lambda source, rng: edit(source, rng, junk=0, flips=2),
}


def disguise(source: str, seed: int) -> str:
    """Every trick at once: reorder, edit, reformat, rename, comment."""
    rng = random.Random(seed)
    changed = edit(reorder(source, rng), rng)
    return add_comments(rename(reformat(changed), rng), rng)
