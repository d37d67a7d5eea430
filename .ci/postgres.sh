#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the test suite.
#
#   .ci/postgres.sh start   install the server (Debian's apt) if it is missing, create a
#                           cluster under $RECOUPE_PG_DIR (default /tmp/recoupe-ci-postgres),
#                           start it on 127.0.0.1 (port 54329, or the next free one), create
#                           the database recoupe_test, and print its URL as the last line
#                           of stdout:  postgresql+psycopg://postgres@127.0.0.1:PORT/recoupe_test
#                           Everything else goes to stderr. Calling it again while the
#                           server runs prints the same URL.
#   .ci/postgres.sh stop    stop that server and remove its directory; does nothing when
#                           nothing runs.
#
# Trust authentication, loopback only, no Unix socket, fsync off: for tests, never for data.
set -euo pipefail

BASE=${RECOUPE_PG_DIR:-/tmp/recoupe-ci-postgres}
DATA=$BASE/data
LOG=$BASE/server.log
FIRST_PORT=${RECOUPE_PG_PORT:-54329}
DB=recoupe_test
DB_USER=postgres

log() { echo "postgres.sh: $*" >&2; }

# Debian's server binaries, newest major version first; PG_BINDIR overrides.
find_bindir() {
    if [[ -n ${PG_BINDIR:-} ]]; then
        [[ -x $PG_BINDIR/pg_ctl ]] && echo "$PG_BINDIR"
        return 0
    fi
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then
            echo "$d"
            return 0
        fi
    done
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        log "need root (or sudo) to run: $*"
        return 1
    fi
}

install_server() {
    log "installing PostgreSQL with apt-get"
    # Keep the package from creating (and, where services may start, starting) its own
    # 'main' cluster on port 5432: we only want ours.
    as_root mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" \
        | as_root tee /etc/postgresql-common/createcluster.d/recoupe-ci.conf >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Run a server binary as the cluster's owner: 'postgres' when we are root (initdb and
# the server refuse to run as root), ourselves otherwise.
pg() {
    local cmd=$1
    shift
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$BINDIR/$cmd" "$@")
    else
        (cd / && "$BINDIR/$cmd" "$@")
    fi
}

running() {
    [[ -d $DATA ]] && [[ -n ${BINDIR:-} ]] && pg pg_ctl -D "$DATA" status >/dev/null 2>&1
}

port_in_use() {
    # bash's /dev/tcp: a connection that succeeds means something listens there.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

url() {
    echo "postgresql+psycopg://$DB_USER@127.0.0.1:$(cat "$BASE/port")/$DB"
}

ensure_db() {
    local port
    port=$(cat "$BASE/port")
    if [[ -z $(pg psql -h 127.0.0.1 -p "$port" -U "$DB_USER" -d postgres -XtAc \
                  "SELECT 1 FROM pg_database WHERE datname = '$DB'") ]]; then
        pg createdb -h 127.0.0.1 -p "$port" -U "$DB_USER" "$DB"
    fi
}

start() {
    BINDIR=$(find_bindir)
    if [[ -z $BINDIR ]]; then
        install_server
        BINDIR=$(find_bindir)
        [[ -n $BINDIR ]] || { log "no PostgreSQL server binaries after install"; exit 1; }
    fi
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        log "no 'postgres' user to run the server as"
        exit 1
    fi

    if running; then
        log "already running ($DATA)"
        ensure_db
        url
        return 0
    fi

    # Leftovers of a run that did not stop cleanly.
    rm -rf "$BASE"
    mkdir -p "$BASE"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$BASE"

    local locale=C
    if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale=C.UTF-8; fi
    pg initdb -D "$DATA" -U "$DB_USER" --auth=trust --encoding=UTF8 --locale="$locale" \
        --no-sync --no-instructions >&2
    cat >>"$DATA/postgresql.conf" <<'EOF'

# recoupe CI: throwaway test server
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    local port=$FIRST_PORT tries=0
    while :; do
        if ! port_in_use "$port"; then
            echo "$port" >"$BASE/port"
            if pg pg_ctl -D "$DATA" -l "$LOG" -o "-p $port" -w -t 60 start >&2; then
                break
            fi
            log "could not start on port $port; server log:"
            tail -n 20 "$LOG" >&2 || true
        fi
        tries=$((tries + 1))
        if ((tries >= 20)); then
            log "giving up: no port from $FIRST_PORT on would do"
            exit 1
        fi
        port=$((port + 1))
    done
    # Keep the port for restarts (pg_ctl restart reads postgresql.conf).
    echo "port = $port" >>"$DATA/postgresql.conf"

    ensure_db
    log "$("$BINDIR/postgres" --version) on 127.0.0.1:$port, data in $DATA"
    url
}

stop() {
    BINDIR=$(find_bindir)
    if [[ ! -d $BASE ]]; then
        log "nothing to stop"
        return 0
    fi
    if running; then
        pg pg_ctl -D "$DATA" -m fast -w -t 60 stop >&2 \
            || pg pg_ctl -D "$DATA" -m immediate -w -t 30 stop >&2 \
            || true
    fi
    # Last resort: the postmaster this script started, by the pid it recorded.
    if [[ -f $DATA/postmaster.pid ]]; then
        local pid
        pid=$(head -n 1 "$DATA/postmaster.pid")
        if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
            kill -KILL "$pid" 2>/dev/null || true
            sleep 1
        fi
    fi
    rm -rf "$BASE"
    log "stopped, $BASE removed"
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    *)
        echo "usage: $0 start|stop" >&2
        exit 2
        ;;
esac
