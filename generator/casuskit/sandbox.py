"""The Jinja sandbox casuskit renders casus texts and templates in, with limits on work and size.

Jinja's own sandbox stops text from calling into Python, but not from asking for work without
end: ``{% for a in range(99999) %}{% for b in range(99999) %}`` runs for hours and
``{{ 'x' * 300000000 }}`` takes gigabytes (at compile time, too: Jinja folds constants). Every
render here has a budget (:class:`Budget`): at most :data:`MAX_STEPS` loop turns and calls, no
single text or list longer than :data:`MAX_TEXT` characters (estimated *before* an operation
that could make one, so nothing that large is ever built), and at most :data:`MAX_PRODUCED`
characters made in all. Going over raises :class:`LimitExceeded` with a Dutch reason.

The hooks: operators that repeat or join (``*``, ``**``, ``%``, ``+``) are intercepted,
``~`` and every ``for`` loop are compiled into calls to the environment, every filter is
wrapped, and calls are checked (string methods from an allow-list, with the size of their
result bounded first). Lists, dicts and sets cannot be changed in place, as in Jinja's
immutable sandbox.
"""

from __future__ import annotations

import functools
import inspect
import re
import string
from collections.abc import Iterator, Sized
from numbers import Number

from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError, TemplateRuntimeError
from jinja2.runtime import BlockReference, LoopContext, Macro, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace, _PassArg

MAX_STEPS = 10_000        # loop turns, calls and filters in one render
MAX_TEXT = 100_000        # characters (or items) in one value, and in the rendered text
MAX_PRODUCED = 1_000_000  # characters made by operations in one render
MAX_BITS = 100_000        # size of a whole number (about 30,000 digits)
LOOP_FILTER = "_casuskit_lus"


def dutch_number(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class LimitExceeded(TemplateRuntimeError):
    """A template asked for more work or text than casuskit allows; ``reason`` is Dutch."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def too_long(estimate: int) -> LimitExceeded:
    return LimitExceeded(f"dit maakt een tekst van meer dan {dutch_number(MAX_TEXT)} tekens"
                         + (f" (ongeveer {dutch_number(estimate)})" if estimate < 10 ** 15 else ""))


class Budget:
    """What one render may still do."""

    def __init__(self) -> None:
        self.steps = 0
        self.produced = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise LimitExceeded(f"dit herhaalt of rekent meer dan {dutch_number(MAX_STEPS)} keer")

    def made(self, amount: int) -> None:
        self.produced += amount
        if self.produced > MAX_PRODUCED:
            raise LimitExceeded(f"dit maakt bij elkaar meer dan {dutch_number(MAX_PRODUCED)} tekens")


def size(value, limit: int = MAX_PRODUCED) -> int:
    """Characters or items ``value`` holds, counted until just past ``limit`` (a list that holds
    itself is counted without end otherwise); what ``str(value)`` or a join would build."""
    total, stack = 0, [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, bool) or item is None:
            total += 1
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 1
        elif isinstance(item, range):
            total += len(item) * (len(str(max(abs(item.start), abs(item.stop)))) + 2)
        elif isinstance(item, dict):
            total += 2 * len(item) + 2
            stack += item.keys()
            stack += item.values()
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += 2 * len(item) + 2
            stack += item
        elif isinstance(item, Namespace):
            stack.append(getattr(item, "_Namespace__attrs", {}))  # its values, as Jinja keeps them
        else:
            total += 1
    return total


def count(value) -> int:
    return len(value) if isinstance(value, Sized) and not isinstance(value, Undefined) else 1


# --- bounds: how long a result can get, computed from the arguments before running ---------

_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def format_widths(text: str) -> int:
    """The widths and precisions in a %- or {}-format string: each can make that many characters."""
    widths = sum(int(n) for match in _PERCENT_SPEC.finditer(text) for n in match.groups()
                 if n and n.isdigit())
    try:
        specs = [spec for _, _, spec, _ in string.Formatter().parse(text) if spec]
    except ValueError:  # not a valid {}-format: Python refuses it itself
        specs = []
    return widths + sum(int(n) for spec in specs for n in re.findall(r"\d+", spec))


def formatted_bound(text: str, args) -> int:
    return len(text) + size(args) + format_widths(text)


def replaced_bound(text: str, old, new, times=-1) -> int:
    text, old, new = str(text), str(old), str(new)
    found = len(text) + 1 if old == "" else text.count(old)
    if times is not None and times >= 0:
        found = min(found, times)
    return len(text) + found * max(len(new) - len(old), 0)


def _joined_bound(items, separator="") -> int:
    return size(items) + len(str(separator)) * count(items)


# str methods a text may call: these give at most as much text as they get
_STR_SAME = frozenset({
    "capitalize", "casefold", "count", "endswith", "find", "index", "isalnum", "isalpha",
    "isdecimal", "isdigit", "islower", "isnumeric", "isspace", "istitle", "isupper", "lower",
    "lstrip", "partition", "removeprefix", "removesuffix", "rfind", "rindex", "rpartition",
    "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "upper"})
# ...and these more, bounded by their arguments
_STR_BOUNDS = {
    "center": lambda s, width, *_: max(len(s), width),
    "ljust": lambda s, width, *_: max(len(s), width),
    "rjust": lambda s, width, *_: max(len(s), width),
    "zfill": lambda s, width: max(len(s), width),
    "replace": replaced_bound,
    "join": lambda s, items: _joined_bound(items, s),
}
# filters that can make more text than they get, bounded by their (named) arguments
_FILTER_BOUNDS = {
    "center": lambda a: max(size(a["value"]), a["width"]),
    "indent": lambda a: size(a["s"]) + (str(a["s"]).count("\n") + 1) * (
        a["width"] if isinstance(a["width"], int) else len(str(a["width"]))),
    "replace": lambda a: replaced_bound(a["s"], a["old"], a["new"], a["count"]),
    "wordwrap": lambda a: size(a["s"]) * (1 + len(a["wrapstring"] or "\n")),
    "join": lambda a: _joined_bound(a["value"], a["d"]),
    "format": lambda a: formatted_bound(str(a["value"]), (a["args"], a["kwargs"])),
    "truncate": lambda a: size(a["s"]) + size(a["end"]),
    "sum": lambda a: 0 if isinstance(a["start"], Number) else size(a["iterable"]) * count(a["iterable"]),
    "urlize": lambda a: size(a["value"]) * (8 + size([a["target"], a["rel"], a["extra_schemes"]])),
}
_SAFE_CALLABLES = (Macro, BlockReference, Cycler, Joiner)


class _LimitedCodeGenerator(CodeGenerator):
    """Compiles every ``for`` loop through the loop filter and ``~`` through
    :meth:`LimitedSandbox.joined`, so both count against the budget."""

    def visit_Template(self, node: nodes.Template, frame=None) -> None:
        for loop in list(node.find_all(nodes.For)):  # before Jinja collects the filters used
            if loop.recursive:  # its inner calls would pass the loop filter by
                raise LimitExceeded("een lus met `recursive` voert casuskit niet uit")
            loop.iter = nodes.Filter(loop.iter, LOOP_FILTER, [], [], None, None, lineno=loop.iter.lineno)
        super().visit_Template(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame) -> None:
        if frame.eval_ctx.volatile or frame.eval_ctx.autoescape:
            super().visit_Concat(node, frame)
            return
        self.write("environment.joined((")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with a :class:`Budget` per render (see :func:`render`)."""

    code_generator_class = _LimitedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, finalize=self._finalized, **kwargs)
        self.budget: Budget | None = None  # None while compiling: only sizes are checked then
        self.globals["range"] = self._range
        self.globals.pop("lipsum", None)  # thousands of paragraphs of Latin for one call
        self.filters = {name: self._limited_filter(name, f) for name, f in self.filters.items()}
        self.filters[LOOP_FILTER] = self._counted

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        """Jinja's compile, kept between runs (:mod:`casuskit.templatecache`)."""
        if raw or not isinstance(source, str):  # Python source asked for, or a parsed tree
            return super().compile(source, name, filename, raw, defer_init)
        from casuskit import templatecache
        return templatecache.compiled(self, source, name, filename, defer_init,
                                      lambda: super(LimitedSandbox, self).compile(source, name, filename,
                                                                                  raw, defer_init))

    def add_filter(self, name: str, function) -> None:
        """A filter of casuskit's own (``datum``), within the same limits."""
        self.filters[name] = self._limited_filter(name, function)

    # -- the budget --------------------------------------------------------------------------
    def _step(self) -> None:
        if self.budget is not None:
            self.budget.step()

    def _result(self, value, limit: int = MAX_TEXT):
        """Count what an operation made; refuse it when one value is too long."""
        made = size(value, limit)
        if made > limit:
            raise too_long(made)
        if self.budget is not None:
            self.budget.made(made)
        return value

    @staticmethod
    def _before(estimate: int) -> None:
        if estimate > MAX_TEXT:
            raise too_long(estimate)

    # -- the hooks ---------------------------------------------------------------------------
    def _range(self, *args):
        self._step()
        numbers = range(*args)
        if len(numbers) > MAX_STEPS:
            raise LimitExceeded(f"range(…) geeft {dutch_number(len(numbers))} getallen; "
                                f"casuskit telt tot hoogstens {dutch_number(MAX_STEPS)}")
        return numbers

    def _counted(self, iterable):
        for item in iterable:
            self._step()
            yield item

    def _finalized(self, value):
        return self._result(value)

    def joined(self, parts: tuple) -> str:
        self._before(sum(size(part) for part in parts))
        return self._result("".join(map(str, parts)))

    def call_binop(self, context, operator_: str, left, right):
        self._step()
        if operator_ == "*":
            if isinstance(left, int) and isinstance(right, int):
                if left.bit_length() + right.bit_length() > MAX_BITS:
                    raise LimitExceeded("dit rekent met een te groot getal")
            elif isinstance(right, int) or isinstance(left, int):
                times, sequence = (right, left) if isinstance(right, int) else (left, right)
                self._before(size(sequence) * max(times, 0))
        elif operator_ == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
            if left.bit_length() * right > MAX_BITS:
                raise LimitExceeded("dit rekent met een te groot getal")
        elif operator_ == "%" and isinstance(left, str):
            self._before(formatted_bound(left, right))
        elif operator_ == "+" and not isinstance(left, Number):
            self._before(size(left) + size(right))
        return self._result(self.binop_table[operator_](left, right))

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own naming)
        if isinstance(__obj, Undefined):
            return super().call(__context, __obj, *args, **kwargs)  # its own, located error
        __self._step()
        args = tuple(__self._measurable(arg) for arg in args)
        __self._check_arguments(args, kwargs)
        owner = getattr(__obj, "__self__", None)
        wrapped = getattr(__obj, "__wrapped__", None)  # str.format, as Jinja's sandbox wraps it
        if wrapped is not None and isinstance(getattr(wrapped, "__self__", None), str):
            __self._before(formatted_bound(wrapped.__self__, (args, kwargs)))
        elif isinstance(owner, str):
            name = __obj.__name__
            if name in _STR_BOUNDS:
                __self._before(_STR_BOUNDS[name](owner, *args, **kwargs))
            elif name not in _STR_SAME:
                raise SecurityError(f"str.{name} is not allowed in casuskit texts")
        elif isinstance(owner, (int, float, bytes)):
            raise SecurityError(f"{type(owner).__name__}.{__obj.__name__} is not allowed")
        elif not (isinstance(__obj, _SAFE_CALLABLES) or isinstance(owner, (dict, list, tuple, LoopContext, Cycler))
                  or __obj in (__self._range, dict, Namespace, Cycler, Joiner)):
            raise SecurityError(f"{__obj!r} is not allowed in casuskit texts")
        return __self._result(super().call(__context, __obj, *args, **kwargs))

    def _measurable(self, value):
        """A generator (``x|map(…)``) as a list, counting its items, so that its size is known
        before a join builds from it."""
        return list(self._counted(value)) if isinstance(value, Iterator) else value

    def _check_arguments(self, args, kwargs) -> None:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and abs(value) > MAX_TEXT:
                raise LimitExceeded(f"het getal {dutch_number(value)} is te groot (hoogstens "
                                    f"{dutch_number(MAX_TEXT)})")
        self._before(sum(size(value) for value in (*args, *kwargs.values())))

    def _limited_filter(self, name: str, function):
        passes = 1 if _PassArg.from_obj(function) else 0  # context or environment comes first
        signature = inspect.signature(function)
        bound = _FILTER_BOUNDS.get(name)

        @functools.wraps(function)
        def limited(*args, **kwargs):
            args = [self._measurable(arg) for arg in args]
            self._step()
            self._check_arguments(args[passes:], kwargs)
            if bound is not None:
                try:
                    named = signature.bind(*args, **kwargs)
                except TypeError:
                    pass  # the filter itself says what is wrong
                else:
                    named.apply_defaults()
                    self._before(bound(named.arguments))
            return self._result(function(*args, **kwargs))
        return limited


def render(template, context: dict) -> str:
    """Render ``template`` within a fresh :class:`Budget`; the text is at most MAX_TEXT long."""
    env = template.environment
    outer, env.budget = env.budget, Budget()
    try:
        parts, length = [], 0
        for part in template.generate(**context):
            length += len(part)
            if length > MAX_TEXT:
                raise too_long(length)
            parts.append(part)
        return "".join(parts)
    finally:
        env.budget = outer

