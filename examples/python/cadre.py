"""cadre-policy from Python: a small binding of its C API (include/cadre/cadre.h)
with the standard library's ctypes only.

    import cadre

    with cadre.RuleSet("rules/hengyang") as rules, cadre.Engine(rules) as engine:
        decided = engine.decide_file("examples/hengyang/population.yaml", "2019-03-15")
        for line in decided:                  # one dict per input record
            print(line["record"], line["decisions"].get("hy.performance_pay"))

The shared library is found through the environment variable CADRE_LIBRARY (its
path), else by ctypes.util.find_library("cadre-policy"). Every failure raises
CadreError, which carries the C API's status and message (and, for a rule set
that did not load, its diagnostics). A RuleSet and an Engine hold a native
handle: close them (or use `with`); they are also freed when collected. An
Engine may be used from several threads at once: the library releases the GIL
while it decides.
"""

import ctypes
import ctypes.util
import json
import os

__all__ = ["CadreError", "Decisions", "Engine", "RuleSet", "version"]

# cadre_status
OK = 0
INVALID_ARGUMENT = 1
LOAD_FAILED = 2
RECORDS_FAILED = 3
OUT_OF_MEMORY = 4
INTERNAL_ERROR = 5

# cadre_eval_flag
_NO_EXPLAIN = 1
_OUTSIDE_VALIDITY = 2

# cadre_format, by the names callers use
_FORMATS = {"auto": 0, "json": 1, "jsonl": 2, "yaml": 3, "csv": 4}


class CadreError(Exception):
    """A call of the C API that failed: `status` (an int of cadre_status),
    `status_name` ("load_failed", …), `message`, and `diagnostics` (a list of
    dicts {severity, code, file, line, column, message, help}) when there are
    any."""

    def __init__(self, status, message, diagnostics=()):
        self.status = status
        self.status_name = _lib().cadre_status_name(status).decode()
        self.message = message
        self.diagnostics = list(diagnostics)
        super().__init__(f"{self.status_name}: {message}")


_library = None


def _lib():
    """The shared library, loaded once, with the signatures of cadre.h."""
    global _library
    if _library is not None:
        return _library
    path = os.environ.get("CADRE_LIBRARY") or ctypes.util.find_library("cadre-policy")
    if not path:
        raise OSError("cannot find the cadre-policy library: set CADRE_LIBRARY to the path of "
                      "libcadre-policy.so (build it with -DBUILD_SHARED_LIBS=ON)")
    lib = ctypes.CDLL(path)
    handle = ctypes.c_void_p
    out = ctypes.POINTER(ctypes.c_void_p)
    text, size, status = ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int
    signatures = {
        "cadre_status_name": (text, [status]),
        "cadre_version": (text, []),
        "cadre_ruleset_load": (status, [text, text, out]),
        "cadre_ruleset_load_string": (status, [text, text, text, out]),
        "cadre_ruleset_free": (None, [handle]),
        "cadre_ruleset_status": (status, [handle]),
        "cadre_ruleset_message": (text, [handle]),
        "cadre_ruleset_id": (text, [handle]),
        "cadre_ruleset_version": (text, [handle]),
        "cadre_ruleset_digest": (text, [handle]),
        "cadre_ruleset_diagnostics_json": (text, [handle]),
        "cadre_engine_new": (status, [handle, out]),
        "cadre_engine_free": (None, [handle]),
        "cadre_engine_message": (text, [handle]),
        "cadre_engine_evaluate_record": (status, [handle, text, text, ctypes.c_uint, out]),
        "cadre_engine_evaluate_text": (status, [handle, text, ctypes.c_int, text, text,
                                                ctypes.c_uint, out]),
        "cadre_engine_evaluate_file": (status, [handle, text, text, ctypes.c_uint, out]),
        "cadre_engine_evaluate_context": (status, [handle, text, ctypes.c_uint, out]),
        "cadre_result_free": (None, [handle]),
        "cadre_result_message": (text, [handle]),
        "cadre_result_not_evaluated": (size, [handle]),
        "cadre_result_jsonl": (text, [handle]),
        "cadre_result_diagnostics_json": (text, [handle]),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    _library = lib
    return lib


def _encode(value):
    """A str or a path for a `const char*`: UTF-8 (None stays NULL)."""
    return None if value is None else os.fspath(value).encode()


def version():
    """The library's version, "MAJOR.MINOR.PATCH"."""
    return _lib().cadre_version().decode()


class _Handle:
    """A native handle, freed once: by close(), at the end of `with`, or when
    collected."""

    _free = None  # the name of the C function that frees it

    def __init__(self):
        self._handle = ctypes.c_void_p()

    def close(self):
        if self._handle:
            getattr(_lib(), self._free)(self._handle)
            self._handle = ctypes.c_void_p()

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # at interpreter exit the library may already be gone
            pass


class RuleSet(_Handle):
    """A loaded rule set (a folder, or its ruleset.yaml). Raises CadreError
    (status LOAD_FAILED, with the diagnostics) when it has errors; its
    warnings are in `diagnostics`. `allowed_root` is the folder its includes
    and `extends` may not leave (None: the nearest `.cadre-root` above it)."""

    _free = "cadre_ruleset_free"

    def __init__(self, path, allowed_root=None):
        super().__init__()
        self._loaded(_lib().cadre_ruleset_load(_encode(path), _encode(allowed_root),
                                               ctypes.byref(self._handle)))

    @classmethod
    def from_text(cls, yaml, name="ruleset.yaml", base_folder=None):
        """A rule set whose root file is the YAML text `yaml`, called `name` in
        diagnostics; its includes and `extends` resolve in `base_folder`
        (None: they are refused)."""
        rules = cls.__new__(cls)
        _Handle.__init__(rules)
        rules._loaded(_lib().cadre_ruleset_load_string(_encode(yaml), _encode(name),
                                                       _encode(base_folder),
                                                       ctypes.byref(rules._handle)))
        return rules

    def _loaded(self, status):
        lib = _lib()
        if not self._handle:
            raise CadreError(status, "no rule set handle could be made")
        self.diagnostics = json.loads(lib.cadre_ruleset_diagnostics_json(self._handle))
        if status != OK:
            message = lib.cadre_ruleset_message(self._handle).decode()
            self.close()
            raise CadreError(status, message, self.diagnostics)
        self.id = lib.cadre_ruleset_id(self._handle).decode()
        self.version = lib.cadre_ruleset_version(self._handle).decode()
        self.digest = lib.cadre_ruleset_digest(self._handle).decode()


class Decisions:
    """The lines of one evaluation: `lines` holds each as JSON text, exactly
    as `cadre-policy eval` prints it; indexing and iteration give them parsed
    (dicts). `not_evaluated` counts the records that could not be read;
    `diagnostics` lists the problems of the records as a whole (warnings)."""

    def __init__(self, lines, not_evaluated, diagnostics):
        self.lines = lines
        self.not_evaluated = not_evaluated
        self.diagnostics = diagnostics

    def __len__(self):
        return len(self.lines)

    def __getitem__(self, index):
        return json.loads(self.lines[index])

    def __iter__(self):
        return (json.loads(line) for line in self.lines)

    def jsonl(self):
        """The lines as JSON Lines text."""
        return "".join(line + "\n" for line in self.lines)


class Engine(_Handle):
    """Decides records with a rule set; share one between threads. Each
    decide_* method takes `as_of` ("YYYY-MM-DD"), `explain` (reasons and
    hints; off is faster) and `outside_validity` (decide on a date the rules
    are not in force), and raises CadreError when the call fails."""

    _free = "cadre_engine_free"

    def __init__(self, ruleset):
        super().__init__()
        if not ruleset._handle:
            raise ValueError("the rule set is closed")
        lib = _lib()
        status = lib.cadre_engine_new(ruleset._handle, ctypes.byref(self._handle))
        if status != OK:
            message = lib.cadre_engine_message(self._handle).decode() if self._handle else ""
            self.close()
            raise CadreError(status, message)

    def decide_record(self, record, as_of, *, explain=True, outside_validity=False):
        """One record (a dict, or its JSON text) on its own: the dict of its line."""
        text = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
        return self._decide("cadre_engine_evaluate_record", [text.encode()], as_of, explain,
                            outside_validity)[0]

    def decide(self, records, as_of, *, explain=True, outside_validity=False):
        """Records as Python data: a list of records, or a dict of kind → list,
        decided together (one population)."""
        return self.decide_text(json.dumps(records, ensure_ascii=False), as_of, format="json",
                                explain=explain, outside_validity=outside_validity)

    def decide_text(self, text, as_of, *, format="auto", name=None, explain=True,
                    outside_validity=False):
        """Records as text: format "json", "jsonl", "yaml", "csv", or "auto" (by
        the extension of `name`); `name` names the text in errors."""
        if format not in _FORMATS:
            raise ValueError(f"format {format!r} is not one of {', '.join(_FORMATS)}")
        return self._decide("cadre_engine_evaluate_text",
                            [_encode(text), _FORMATS[format], _encode(name)], as_of, explain,
                            outside_validity)

    def decide_file(self, path, as_of, *, explain=True, outside_validity=False):
        """The records of a file (YAML, JSON, JSON Lines or CSV, by its extension)."""
        return self._decide("cadre_engine_evaluate_file", [_encode(path)], as_of,
                            explain, outside_validity)

    def decide_context(self, as_of, *, explain=True, outside_validity=False):
        """The decisions about no record: the `_context` line that
        `cadre-policy eval` prints first, or no line when there are none."""
        return self._decide("cadre_engine_evaluate_context", [], as_of, explain,
                            outside_validity)

    def _decide(self, function, arguments, as_of, explain, outside_validity):
        if not self._handle:
            raise ValueError("the engine is closed")
        lib = _lib()
        flags = (0 if explain else _NO_EXPLAIN) | (_OUTSIDE_VALIDITY if outside_validity else 0)
        result = ctypes.c_void_p()
        status = getattr(lib, function)(self._handle, *arguments, _encode(as_of), flags,
                                        ctypes.byref(result))
        if not result:
            raise CadreError(status, "no result handle could be made")
        try:
            diagnostics = json.loads(lib.cadre_result_diagnostics_json(result))
            if status != OK:
                raise CadreError(status, lib.cadre_result_message(result).decode(), diagnostics)
            text = lib.cadre_result_jsonl(result)
            if text is None:
                raise CadreError(OUT_OF_MEMORY, "out of memory")
            # Split on "\n" only: JSON text may hold other line separators (U+2028).
            lines = text.decode().split("\n")[:-1]
            return Decisions(lines, lib.cadre_result_not_evaluated(result), diagnostics)
        finally:
            lib.cadre_result_free(result)
