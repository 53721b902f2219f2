"""Starts moto's server, made to do what AWS does where moto differs.

moto replaces a DB cluster that is created or restored over an existing name; AWS fails with
DBClusterAlreadyExistsFault, atomically even for concurrent requests. aurora-echo relies on that
refusal for duplicate deliveries, so the emulator must show it too.

moto takes only a snapshot identifier in RestoreDBClusterFromSnapshot; AWS also takes its ARN, and
needs the ARN for a snapshot another account shares, so the emulator resolves ARNs as AWS does.

moto lacks RDS's EnableHttpEndpoint (the RDS Data API switch of provisioned and Serverless v2
clusters); modify calls it before running SQL, so the emulator answers it as AWS does.

Arguments are moto.server's own (-H HOST -p PORT).

The patches reach into moto's internals, which change between releases: TESTED_MOTO is the range this
script is tested with (bin/lib.sh installs it), and a moto without an internal it patches is refused at
start, in words naming the moto version and the internal, rather than failing somewhere in a test.
"""
import copy
import importlib
import sys
import threading

TESTED_MOTO = ">=5.1,<5.3"

# Every internal of moto this script patches or calls: module, then the dotted attribute within it.
_INTERNALS = [
    ("moto.core.responses", "ActionResult"),
    ("moto.rds.models", "RDSBackend.create_db_cluster"),
    ("moto.rds.models", "RDSBackend.restore_db_cluster_from_snapshot"),
    ("moto.rds.models", "rds_backends"),
    ("moto.rds.exceptions", "DBClusterSnapshotNotFoundError"),
    ("moto.rds.exceptions", "RDSClientError"),
    ("moto.rds.responses", "RDSResponse"),
    ("moto.server", "main"),
]


def _missing_internal():
    """The first internal this moto lacks, as module.attribute; None when it has them all."""
    for module_name, attribute in _INTERNALS:
        try:
            target = importlib.import_module(module_name)
        except ImportError:
            return module_name
        for part in attribute.split("."):
            if not hasattr(target, part):
                return module_name + "." + attribute
            target = getattr(target, part)
    return None


try:
    import moto
except ImportError:
    sys.exit(f"aurora-echo's emulator needs moto's server: install moto[server]{TESTED_MOTO} (bin/demo and bin/test "
             "do it in .venv), or set AURORA_ECHO_PYTHON to a python that has it")
_missing = _missing_internal()
if _missing is not None:
    sys.exit(f"aurora-echo's emulator patches {_missing}, which moto {getattr(moto, '__version__', '(unknown version)')} "
             f"does not have: install moto[server]{TESTED_MOTO} (the versions it is tested with), or set "
             "AURORA_ECHO_PYTHON to a python that has it")

from moto.core.responses import ActionResult  # noqa: E402  (after the check, which names what is missing)
from moto.rds import models  # noqa: E402
from moto.rds.exceptions import DBClusterSnapshotNotFoundError, RDSClientError  # noqa: E402
from moto.rds.responses import RDSResponse  # noqa: E402

_create_db_cluster = models.RDSBackend.create_db_cluster
# moto's server handles requests on threads without locking; AWS's check-and-create is atomic.
_create_lock = threading.Lock()


def _create_db_cluster_refusing_duplicates(self, kwargs):
    cluster_id = kwargs["db_cluster_identifier"]
    with _create_lock:
        if cluster_id in self.clusters:
            raise RDSClientError(
                "DBClusterAlreadyExistsFault", f"DB Cluster {cluster_id} already exists"
            )
        return _create_db_cluster(self, kwargs)


models.RDSBackend.create_db_cluster = _create_db_cluster_refusing_duplicates

_restore_db_cluster_from_snapshot = models.RDSBackend.restore_db_cluster_from_snapshot


def _restore_db_cluster_from_snapshot_by_arn(self, from_snapshot_id, overrides):
    if not from_snapshot_id.startswith("arn:"):
        return _restore_db_cluster_from_snapshot(self, from_snapshot_id, overrides)
    _, _, _, region, account, _, name = from_snapshot_id.split(":", 6)
    snapshot = models.rds_backends[account][region].cluster_snapshots.get(name)
    shared = snapshot is not None and (
        account == self.account_id
        or self.account_id in snapshot.attributes["restore"]
        or "all" in snapshot.attributes["restore"]
    )
    if not shared:
        raise DBClusterSnapshotNotFoundError(from_snapshot_id)
    props = copy.copy(snapshot.cluster.get_cfg())
    for key, value in overrides.items():
        if value:
            props[key] = value
    return self.create_db_cluster(props)


models.RDSBackend.restore_db_cluster_from_snapshot = _restore_db_cluster_from_snapshot_by_arn


def _enable_http_endpoint(self):
    arn = self.params.get("ResourceArn")
    for cluster in self.backend.clusters.values():
        if cluster.db_cluster_arn == arn:
            # The property's setter keeps it off for all but Serverless v1; AWS turns it on.
            cluster._enable_http_endpoint = True
            return ActionResult({"ResourceArn": arn, "HttpEndpointEnabled": True})
    raise RDSClientError("ResourceNotFoundFault", f"DB cluster {arn} not found")


RDSResponse.enable_http_endpoint = _enable_http_endpoint

from moto.server import main  # noqa: E402  (after the patch, so the server sees it)

main(sys.argv[1:])
