"""cip_core — the rules of the Belgian convention d'immersion professionnelle (CIP / BIO).

Standard library only, so it runs unchanged in CPython and in Pyodide.

    from cip_core import Case, evaluate, parse_case, InputError
"""

from cip_core.case import Case, parse_case
from cip_core.errors import FieldError, InputError
from cip_core.evaluate import evaluate
from cip_core.result import Result

__all__ = ["Case", "FieldError", "InputError", "Result", "evaluate", "parse_case"]
__version__ = "0.1.0"
