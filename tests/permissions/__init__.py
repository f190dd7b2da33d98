"""The permission matrix: the table's reader, the scene, the requests (see
tests/test_permission_matrix.py)."""

import sys
from pathlib import Path

# The consultation helpers live beside their tests, which pytest puts on the path only when
# it collects that folder; the matrix may run alone.
_CONSULTATION = str(Path(__file__).resolve().parents[1] / "consultation")
if _CONSULTATION not in sys.path:
    sys.path.append(_CONSULTATION)
