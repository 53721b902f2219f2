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
import json
import sys
import threading

from moto.core.responses import ActionResult
from moto.moto_api._internal import urls as moto_api_urls
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


# RestoreDBClusterFromSnapshot (Amazon RDS API Reference): "You can create DB instances only after the
# RestoreDBClusterFromSnapshot operation has completed and the DB cluster is available"; the Aurora User Guide
# says the same of clones (RestoreDBClusterToPointInTime). A restore takes minutes on AWS; moto's cluster is
# available at its first describe and takes an instance at once.
# https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RestoreDBClusterFromSnapshot.html
# With --creating-describes N (N >= 0; or POST {"describes": N} to /moto-api/aurora-echo/creating-describes), a
# restored or cloned cluster answers "creating" in its restore response and in its next N DescribeDBClusters
# answers, then "available": describes stand for the minutes that pass, so tests and the demo advance time
# without sleeping. Meanwhile CreateDBInstance into it fails with InvalidDBClusterStateFault. -1 (the
# default) keeps moto's own behaviour.
_creating = {"describes": -1}


def _take_option(argv, name):
    if name not in argv:
        return argv
    at = argv.index(name)
    _creating["describes"] = int(argv[at + 1])
    return argv[:at] + argv[at + 2:]


def _made_creating(restore):
    def restore_creating(self, *args, **kwargs):
        cluster = restore(self, *args, **kwargs)
        if _creating["describes"] >= 0:
            cluster.aurora_echo_creating_describes = _creating["describes"]
        return cluster

    return restore_creating


models.RDSBackend.restore_db_cluster_from_snapshot = _made_creating(models.RDSBackend.restore_db_cluster_from_snapshot)
models.RDSBackend.restore_db_cluster_to_point_in_time = _made_creating(
    models.RDSBackend.restore_db_cluster_to_point_in_time
)
_cluster_status = models.DBCluster.status


def _status_while_creating(self):
    if getattr(self, "aurora_echo_creating_describes", None) is not None:
        return "creating"
    return _cluster_status.fget(self)


models.DBCluster.status = property(_status_while_creating, _cluster_status.fset)
_describe_db_clusters = RDSResponse.describe_db_clusters


def _describe_db_clusters_passing_time(self):
    filters = {f["Name"]: f["Values"] for f in self.params.get("Filters", [])}
    try:
        shown = self.backend.describe_db_clusters(
            db_cluster_identifier=self.params.get("DBClusterIdentifier"), filters=filters
        )
    except RDSClientError:
        shown = []
    for cluster in shown:
        left = getattr(cluster, "aurora_echo_creating_describes", None)
        if left is None:
            continue
        if left > 0:
            cluster.aurora_echo_creating_describes = left - 1
        else:
            cluster.aurora_echo_creating_describes = None
            if cluster._status == "creating":
                cluster._status = "available"
    return _describe_db_clusters(self)


RDSResponse.describe_db_clusters = _describe_db_clusters_passing_time
_create_db_instance = models.RDSBackend.create_db_instance


def _create_db_instance_in_available_cluster(self, db_kwargs):
    cluster_id = db_kwargs.get("db_cluster_identifier")
    cluster = self.clusters.get(cluster_id) if cluster_id else None
    if cluster is not None and getattr(cluster, "aurora_echo_creating_describes", None) is not None:
        raise RDSClientError(
            "InvalidDBClusterStateFault",
            f"DbCluster {cluster_id} is in creating state but expected it to be one of available.",
        )
    return _create_db_instance(self, db_kwargs)


models.RDSBackend.create_db_instance = _create_db_instance_in_available_cluster


def _creating_describes(request, full_url, headers):
    if request.method == "POST":
        _creating["describes"] = int(json.loads(request.get_data() or b"{}")["describes"])
    return 200, {}, json.dumps(_creating)


moto_api_urls.url_paths["{0}/moto-api/aurora-echo/creating-describes"] = _creating_describes


# "Quotas and constraints for Amazon Aurora" (Aurora User Guide): "After a quota for a resource has been
# reached, additional calls to create that resource fail with an exception"; 40 DB clusters, 40 DB instances
# and 100 manual DB cluster snapshots per region by default. moto has none of these (its snapshot limit counts
# automated snapshots too). POST {"clusters": n, "instances": n, "manualClusterSnapshots": n} to
# /moto-api/aurora-echo/quotas sets them (absent: none); the codes are RDS's (Amazon RDS API Reference).
# https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/CHAP_Limits.html
_quotas = {}


def _within_quota(name, count, code):
    limit = _quotas.get(name)
    if limit is not None and count >= limit:
        raise RDSClientError(code, f"The request would exceed the account's quota of {limit} ({name}).")


def _quota_checked(create, name, code, count):
    def create_within_quota(self, *args, **kwargs):
        _within_quota(name, count(self, *args, **kwargs), code)
        return create(self, *args, **kwargs)

    return create_within_quota


models.RDSBackend.create_db_cluster = _quota_checked(
    models.RDSBackend.create_db_cluster, "clusters", "DBClusterQuotaExceededFault", lambda self, *a, **k: len(self.clusters)
)
models.RDSBackend.create_db_instance = _quota_checked(
    models.RDSBackend.create_db_instance, "instances", "InstanceQuotaExceeded", lambda self, *a, **k: len(self.databases)
)


def _manual_cluster_snapshots(self, *args, **kwargs):
    if kwargs.get("snapshot_type", args[2] if len(args) > 2 else "manual") != "manual":
        return -1
    return sum(1 for s in self.cluster_snapshots.values() if s.snapshot_type == "manual")


models.RDSBackend.create_db_cluster_snapshot = _quota_checked(
    models.RDSBackend.create_db_cluster_snapshot, "manualClusterSnapshots", "SnapshotQuotaExceeded", _manual_cluster_snapshots
)


def _set_quotas(request, full_url, headers):
    if request.method == "POST":
        _quotas.clear()
        _quotas.update(json.loads(request.get_data() or b"{}"))
    return 200, {}, json.dumps(_quotas)


moto_api_urls.url_paths["{0}/moto-api/aurora-echo/quotas"] = _set_quotas


from moto.server import main  # noqa: E402  (after the patch, so the server sees it)

main(_take_option(sys.argv[1:], "--creating-describes"))
