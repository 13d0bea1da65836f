#!/usr/bin/env bash
# Creates .venv (Python 3.11+) and installs the given requirements file into it.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=${1:-requirements.txt}
if [ ! -x .venv/bin/python ]; then
  python3 -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 ou plus récent est nécessaire"'
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -r "$requirements"
