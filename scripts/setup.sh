#!/usr/bin/env bash
# Prepare a fresh machine for Ortak: Python virtualenv with the locked dependencies, the npm
# front-end packages, compiled translations. Idempotent and quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
"$PYTHON" - <<'PY'
import sys
if sys.version_info < (3, 11):
    sys.exit(f"Ortak needs Python 3.11 or newer; {sys.executable} is {sys.version.split()[0]}.")
PY

apt_install() {
  # Debian packages the project needs; installed only when missing (root, as on CI).
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Please install these Debian packages: ${missing[*]}" >&2; exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# gettext compiles translations; Pango and DejaVu fonts let WeasyPrint draw Turkish letters.
apt_install gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
if [ "${ORTAK_BROWSER:-0}" = "1" ]; then
  apt_install chromium
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
lock_hash=$(sha256sum requirements.lock | cut -c1-16)
if [ ! -f ".venv/.installed-$lock_hash" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v "is ignored" || true
  .venv/bin/python -m pip install --quiet -r requirements.lock 2>&1 | grep -v "is ignored" || true
  .venv/bin/python -c "import django, allauth, django_tasks_db, weasyprint, openpyxl, playwright" \
    || { echo "Python dependencies failed to install" >&2; exit 1; }
  rm -f .venv/.installed-* && touch ".venv/.installed-$lock_hash"
fi

npm_hash=$(sha256sum package-lock.json | cut -c1-16)
if [ ! -f "node_modules/.installed-$npm_hash" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch "node_modules/.installed-$npm_hash"
fi

.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
mkdir -p var
