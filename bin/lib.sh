# Shared by bin/test, bin/demo, bin/install, bin/synth and the launcher (lambda/target/aurora-echo): find a
# JDK >= 21, make sure moto's server is installed, run a quiet build. Sourced, not run; POSIX sh, as the
# launcher is.

# The Java feature release of a java binary: from its home's release file (no JVM to start), else -version.
java_major() {
    _home=$(cd "$(dirname "$1")/.." 2>/dev/null && pwd -P)
    _version=""
    if [ -r "$_home/release" ]; then
        _version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$_home/release")
    fi
    if [ -z "$_version" ]; then
        _version=$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    case "$_version" in
        1.*) echo 1 ;;
        *) echo "${_version%%[.+-]*}" ;;
    esac
}

# The home of a java binary found on the PATH, through the symlinks (/usr/bin/java -> /etc/alternatives/...).
path_java_home() {
    _found=$(command -v "$1" 2>/dev/null) || return 0
    _resolved=$(readlink -f "$_found" 2>/dev/null || echo "$_found")
    dirname "$(dirname "$_resolved")"
}

# Whether a Java home has bin/$2 and a java of release 21 or newer.
java_home_qualifies() {
    [ -n "$1" ] && [ -x "$1/bin/$2" ] && [ -x "$1/bin/java" ] && [ "$(java_major "$1/bin/java")" -ge 21 ] 2>/dev/null
}

# Prints the first Java home of release 21 or newer that has bin/$1 (java to run, javac to build): JAVA_HOME,
# then the one on the PATH, then the newest installed (Linux packages, macOS's installers and Homebrew).
java_home_with() {
    for _candidate in "${JAVA_HOME:-}" "$(path_java_home "$1")"; do
        java_home_qualifies "$_candidate" "$1" && echo "$_candidate" && return 0
    done
    for _candidate in $( (/usr/libexec/java_home -v 21+ 2>/dev/null
            ls -d /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
                /opt/homebrew/opt/openjdk*/libexec/openjdk.jdk/Contents/Home \
                /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home 2>/dev/null | sort -rV) ); do
        java_home_qualifies "$_candidate" "$1" && echo "$_candidate" && return 0
    done
    return 1
}

# Sets JAVA_HOME to a JDK >= 21 (see java_home_with) and puts it first on the PATH.
find_jdk() {
    if ! JAVA_HOME=$(java_home_with javac); then
        echo "aurora-echo needs a JDK 21 or newer: install one (e.g. apt-get install openjdk-21-jdk, brew install openjdk@21) or set JAVA_HOME" >&2
        return 1
    fi
    export JAVA_HOME
    export PATH="$JAVA_HOME/bin:$PATH"
    # Maven 3.8's bundled Guava warns on JDK 24+ unless Unsafe memory access is allowed.
    if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
        export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
    fi
}

# A Maven build whose output is shown only when it fails: Maven 3.8 writes terminal colour codes (ESC[0m) even
# in batch mode, and a build that worked has nothing to say. The codes are kept only for a terminal that wants
# them (NO_COLOR unset, https://no-color.org/).
quiet_build() {
    _output=$(mvn -B -q -Dstyle.color=never "$@" 2>&1) && return 0
    _status=$?
    if [ -t 2 ] && [ -z "${NO_COLOR:-}" ]; then
        printf '%s\n' "$_output" >&2
    else
        printf '%s\n' "$_output" | sed "s/$(printf '\033')\[[0-9;]*[A-Za-z]//g" >&2
    fi
    return $_status
}

# The emulator's boot script, whose TESTED_MOTO line is the moto version range it is tested with: it patches
# moto's internals, so another moto may lack them.
MOTO_BOOT_SCRIPT=lambda/src/main/resources/io/github/auroraecho/emulator/moto_server.py

# Whether a python has moto's server in a version range such as ">=5.1,<5.3" (plain version numbers).
moto_in_range() {
    "$1" - "$2" >/dev/null 2>&1 <<'EOF'
import re, sys
import flask, moto, moto.server
def version(text):
    return tuple(int(part) for part in re.findall(r"\d+", re.match(r"[\d.]*", text).group(0)))
checks = {">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, "<": lambda a, b: a < b,
          "==": lambda a, b: a == b}
for clause in sys.argv[1].split(","):
    op = re.match(r"[<>=]+", clause.strip()).group(0)
    if not checks[op](version(moto.__version__), version(clause.strip()[len(op):])):
        sys.exit(1)
EOF
}

# moto's server is the AWS emulator of the tests and the demo. Exports AURORA_ECHO_PYTHON, the python that runs
# it: AURORA_ECHO_PYTHON if set, else python3 when its moto is in the tested range (nothing to install, as on
# the build machines), else the project's own virtual environment .venv, made and filled on first use
# (a system python refuses pip installs, PEP 668).
ensure_moto() {
    _range=$(sed -n 's/^TESTED_MOTO = "\(.*\)"$/\1/p' "$MOTO_BOOT_SCRIPT")
    if [ -n "${AURORA_ECHO_PYTHON:-}" ]; then
        moto_in_range "$AURORA_ECHO_PYTHON" "$_range" && return 0
        echo "AURORA_ECHO_PYTHON=$AURORA_ECHO_PYTHON has no moto[server]$_range: install it there, or unset AURORA_ECHO_PYTHON" >&2
        return 1
    fi
    if command -v python3 >/dev/null 2>&1 && moto_in_range python3 "$_range"; then
        export AURORA_ECHO_PYTHON=python3
        return 0
    fi
    if ! moto_in_range .venv/bin/python "$_range"; then
        if ! command -v python3 >/dev/null 2>&1; then
            echo "aurora-echo's tests and demo need python3 (3.9 or newer) for moto's AWS emulator: install it" >&2
            return 1
        fi
        echo "installing moto[server]$_range into .venv (once)" >&2
        { [ -x .venv/bin/python ] || python3 -m venv .venv; } \
                && .venv/bin/python -m pip install --quiet --disable-pip-version-check "moto[server]$_range" || {
            echo "could not install moto[server]$_range into .venv (python3 -m venv needs e.g. apt-get install python3-venv); or set AURORA_ECHO_PYTHON to a python with it" >&2
            return 1
        }
    fi
    AURORA_ECHO_PYTHON="$(pwd -P)/.venv/bin/python"
    export AURORA_ECHO_PYTHON
}

# The CDK stack tests run aws-cdk-lib, whose jsii runtime executes on Node.js; the IAM proof runs on it too, with
# the npm packages package-lock.json pins (installed with npm ci when missing).
ensure_node() {
    if ! command -v node >/dev/null 2>&1; then
        echo "aurora-echo's CDK stack tests need Node.js 18 or newer (e.g. apt-get install nodejs)" >&2
        return 1
    fi
    if [ ! -d node_modules/@cloud-copilot/iam-simulate ]; then
        echo "installing the IAM proof's npm packages (npm ci)" >&2
        npm ci --no-audit --no-fund >&2 || {
            echo "could not install the npm packages of package.json: run npm ci yourself" >&2
            return 1
        }
    fi
}
