# Shared by bin/test and bin/demo: find a JDK >= 21 and make sure moto's server is installed.
# Sourced, not run.

java_major() {
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

# Sets JAVA_HOME to a JDK >= 21: JAVA_HOME if it qualifies, else the java on PATH, else the newest under /usr/lib/jvm.
find_jdk() {
    local candidate
    for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" \
            $(ls -d /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
        if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
            export JAVA_HOME="$candidate"
            export PATH="$JAVA_HOME/bin:$PATH"
            # Maven 3.8's bundled Guava warns on JDK 24+ unless Unsafe memory access is allowed.
            if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
                export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
            fi
            return 0
        fi
    done
    echo "aurora-echo needs a JDK 21 or newer: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME" >&2
    return 1
}

# moto's server is the AWS emulator of the tests and the demo.
ensure_moto() {
    local python="${AURORA_ECHO_PYTHON:-python3}"
    if ! command -v "$python" >/dev/null 2>&1; then
        echo "aurora-echo's tests and demo need python3 with moto's server: install python3, then pip install 'moto[server]'" >&2
        return 1
    fi
    if ! "$python" -c 'import moto.server, flask' >/dev/null 2>&1; then
        echo "installing moto's server (pip install 'moto[server]')" >&2
        "$python" -m pip install --quiet 'moto[server]' || {
            echo "could not install moto's server: run pip install 'moto[server]' yourself" >&2
            return 1
        }
    fi
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
