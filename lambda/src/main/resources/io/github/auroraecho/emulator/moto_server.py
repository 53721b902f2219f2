"""Starts moto's server, made to do what AWS does where moto differs.

moto replaces a DB cluster that is created or restored over an existing name; AWS fails with
DBClusterAlreadyExistsFault, atomically even for concurrent requests. aurora-echo relies on that
refusal for duplicate deliveries, so the emulator must show it too.

moto takes only a snapshot identifier in RestoreDBClusterFromSnapshot; AWS also takes its ARN, and
needs the ARN for a snapshot another account shares, so the emulator resolves ARNs as AWS does.

moto lacks RDS's EnableHttpEndpoint (the RDS Data API switch of provisioned and Serverless v2
clusters); modify calls it before running SQL, so the emulator answers it as AWS does.

Arguments are moto.server's own (-H HOST -p PORT).
"""
import copy
import sys
import threading

from moto.core.responses import ActionResult
from moto.rds import models
from moto.rds.exceptions import DBClusterSnapshotNotFoundError, RDSClientError
from moto.rds.responses import RDSResponse

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


# RestoreDBClusterFromSnapshot (Amazon RDS API Reference), EngineVersion: "If you don't specify an engine
# version, the default version for the database engine in the AWS Region is used"; moto keeps the
# snapshot's. https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RestoreDBClusterFromSnapshot.html
_restore_keeping_version = models.RDSBackend.restore_db_cluster_from_snapshot


def _restore_db_cluster_from_snapshot_default_version(self, from_snapshot_id, overrides):
    if overrides.get("engine") and not overrides.get("engine_version"):
        overrides = dict(overrides, engine_version=models.DBCluster.default_engine_version(overrides["engine"]))
    return _restore_keeping_version(self, from_snapshot_id, overrides)


models.RDSBackend.restore_db_cluster_from_snapshot = _restore_db_cluster_from_snapshot_default_version


from moto.server import main  # noqa: E402  (after the patch, so the server sees it)

main(sys.argv[1:])
