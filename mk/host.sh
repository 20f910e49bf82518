#!/usr/bin/env bash
# Make this machine ready for cvjudge: the Debian packages it needs and a running Docker engine.
#   bash mk/host.sh run    what `make run` needs (Docker engine, Python venv, Node.js + npm,
#                          debootstrap for an image base that cannot be pulled)
#   bash mk/host.sh test   that plus what every test layer needs (Compose, Chromium, Redis,
#                          PostgreSQL); .ci/run uses this one
# As root it installs what is missing (apt-get) and starts dockerd; as anyone else it changes
# nothing and, when something is missing, says in two sentences what to install, exiting 1.
set -euo pipefail
profile="${1:-run}"
case "$profile" in run|test) ;; *) echo "usage: $0 run|test" >&2; exit 2 ;; esac

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)  # the front-end bundle (esbuild)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)  # image base without a registry
if [ "$profile" = test ]; then
    # the compose test: the v2 plugin when present, else Debian's Compose v1
    docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1 \
        || missing+=(docker-compose)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)  # browser tests (Playwright)
    command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)  # Celery broker
    compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
fi

engine_up() { docker info >/dev/null 2>&1; }
root=false
[ "$(id -u)" = 0 ] && root=true

if ((${#missing[@]})); then
    if ! $root; then
        echo "cvjudge needs these Debian packages: ${missing[*]}." >&2
        echo "Install them with \`sudo apt-get install ${missing[*]}\` (and start Docker with" \
             "\`sudo systemctl start docker\`), or run this command as root to have it done." >&2
        exit 1
    fi
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

engine_up && exit 0
socket=/var/run/docker.sock
case "${DOCKER_HOST:-}" in unix://*) socket="${DOCKER_HOST#unix://}" ;; esac
if ! $root; then
    if [ -S "$socket" ] && [ ! -w "$socket" ]; then
        echo "The Docker engine runs but you may not use it." \
             "Add yourself to the docker group (\`sudo usermod -aG docker $USER\`, then log in again)." >&2
    else
        echo "The Docker engine is installed but not running." \
             "Start it with \`sudo systemctl start docker\` (or run this command as root)." >&2
    fi
    exit 1
fi
echo "starting dockerd"
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl start docker || true
fi
if ! engine_up; then
    nohup dockerd >/tmp/cvjudge-dockerd.log 2>&1 &
fi
for _ in $(seq 1 60); do
    engine_up && exit 0
    sleep 1
done
echo "dockerd did not start:" >&2
tail -n 40 /tmp/cvjudge-dockerd.log >&2 || true
exit 1
