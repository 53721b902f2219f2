"""Starts moto's server, made to do what AWS does where moto differs.

moto replaces a DB cluster that is created or restored over an existing name; AWS fails with
DBClusterAlreadyExistsFault, atomically even for concurrent requests. aurora-echo relies on that
refusal for duplicate deliveries, so the emulator must show it too.

moto takes only a snapshot identifier in RestoreDBClusterFromSnapshot; AWS also takes its ARN, and
needs the ARN for a snapshot another account shares, so the emulator resolves ARNs as AWS does.

moto lacks RDS's EnableHttpEndpoint (the RDS Data API switch of provisioned and Serverless v2
clusters); modify calls it before running SQL, so the emulator answers it as AWS does.

moto takes any tag; RDS refuses keys and values outside its documented characters, lengths and prefixes, so
the emulator refuses them as AWS does.

moto associates any role with any cluster; RDS needs a feature name on Aurora PostgreSQL and allows 5 roles a
cluster, so the emulator refuses as RDS does.

moto's restored cluster is available at once and takes an instance at once, and moto has no quotas; the
emulator keeps a restored cluster creating as AWS does and can enforce RDS's quotas (see each patch).

moto's RDS Data API answers a SELECT with no rows; the emulator answers a statement with the rows set for it
through its own endpoint, so the demo can show verify's checks passing and failing.

moto stops and starts a cluster at once, leaves its instances as they were, and lets a stopped cluster be modified,
given instances and lose them; the emulator keeps it stopping or starting for as many describes as a restore stays
creating, its instances following, and refuses what AWS refuses on a stopped cluster (see "Stopped clusters").

Arguments are moto.server's own (-H HOST -p PORT), and --creating-describes N.

The patches reach into moto's internals, which change between releases: TESTED_MOTO is the range this
script is tested with (bin/lib.sh installs it), and a moto without an internal it patches is refused at
start, in words naming the moto version and the internal, rather than failing somewhere in a test.
"""
import copy
import importlib
import json
import sys
import threading
import unicodedata

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
    ("moto.rds.models", "RDSBackend.restore_db_cluster_to_point_in_time"),
    ("moto.rds.models", "RDSBackend.create_db_instance"),
    ("moto.rds.models", "RDSBackend.create_db_cluster_snapshot"),
    ("moto.rds.models", "RDSBackend.add_tags_to_resource"),
    ("moto.rds.models", "RDSBackend.add_role_to_db_cluster"),
    ("moto.rds.models", "AssociatedRole"),
    ("moto.rds.models", "DBCluster.status"),
    ("moto.rds.models", "DBCluster.default_engine_version"),
    ("moto.rds.responses", "RDSResponse.describe_db_clusters"),
    ("moto.rds.exceptions", "DBClusterNotFoundError"),
    ("moto.rds.exceptions", "DBClusterRoleAlreadyExists"),
    ("moto.rds.exceptions", "InvalidDBClusterStateFault"),
    ("moto.rds.models", "RDSBackend.stop_db_cluster"),
    ("moto.rds.models", "RDSBackend.start_db_cluster"),
    ("moto.rds.models", "RDSBackend.modify_db_cluster"),
    ("moto.rds.models", "RDSBackend.delete_db_instance"),
    ("moto.rds.models", "RDSBackend.delete_db_cluster"),
    ("moto.moto_api._internal.urls", "url_paths"),
    ("moto.rdsdata.models", "RDSDataServiceBackend.execute_statement"),
    ("moto.rdsdata.models", "QueryResults.to_json"),
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
from moto.moto_api._internal import urls as moto_api_urls  # noqa: E402
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

# RDS's tag rules (Tag, https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_Tag.html): a key of 1 to 128
# and a value of at most 256 Unicode characters, "Unicode letters, digits, white-space, '_', '.', ':', '/', '=',
# '+', '-', '@'" only, neither "prefixed with aws: or rds:". moto takes any tag; AWS refuses the request with
# InvalidParameterValue, on AddTagsToResource and on the create and restore calls that carry Tags.
_TAG_PUNCTUATION = set("_.:/=+-@")


def _tag_text_allowed(text, max_length):
    return (
        len(text) <= max_length
        and not text.lower().startswith(("aws:", "rds:"))
        and all(
            unicodedata.category(c)[0] in "LNZ" or c in _TAG_PUNCTUATION for c in text
        )
    )


def _check_tags(tags):
    for tag in tags or []:
        key, value = tag.get("Key") or "", tag.get("Value") or ""
        if not key or not _tag_text_allowed(key, 128) or not _tag_text_allowed(value, 256):
            raise RDSClientError(
                "InvalidParameterValue",
                f"Invalid tag {key!r}={value!r}: keys are 1 to 128 and values at most 256 Unicode letters, digits, "
                "white space and _ . : / = + - @, not prefixed with aws: or rds:",
            )


def _refusing_bad_tags(create):
    def checked(self, kwargs):
        _check_tags(kwargs.get("tags"))
        return create(self, kwargs)

    return checked


models.RDSBackend.create_db_cluster = _refusing_bad_tags(models.RDSBackend.create_db_cluster)
models.RDSBackend.create_db_instance = _refusing_bad_tags(models.RDSBackend.create_db_instance)
_add_tags_to_resource = models.RDSBackend.add_tags_to_resource


def _add_tags_to_resource_checked(self, arn, tags):
    _check_tags(tags)
    return _add_tags_to_resource(self, arn, tags)


models.RDSBackend.add_tags_to_resource = _add_tags_to_resource_checked

# AddRoleToDBCluster as RDS answers it. Aurora PostgreSQL takes a role only for a feature: without FeatureName RDS
# answers InvalidParameterValue "The feature-name parameter must be provided with the current operation for the
# Aurora (PostgreSQL) engine." (FeatureName: "For information about supported feature names, see DBEngineVersion",
# https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_AddRoleToDBCluster.html). A cluster has at most 5
# roles ("IAM roles per DB cluster 5", https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/CHAP_Limits.html),
# past which RDS answers DBClusterRoleQuotaExceeded. moto checks neither, and takes two roles without a feature for
# the same feature (None == None), so an Aurora MySQL cluster could not have two plain roles as on AWS.
from moto.rds.exceptions import (  # noqa: E402
    DBClusterNotFoundError,
    DBClusterRoleAlreadyExists,
    InvalidDBClusterStateFault,
)

_MAX_CLUSTER_ROLES = 5


def _add_role_to_db_cluster_as_rds(self, db_cluster_identifier, role_arn, feature_name):
    cluster = self.clusters.get(db_cluster_identifier)
    if cluster is None:
        raise DBClusterNotFoundError(db_cluster_identifier)
    if not feature_name and cluster.engine == "aurora-postgresql":
        raise RDSClientError(
            "InvalidParameterValue",
            "The feature-name parameter must be provided with the current operation for the Aurora (PostgreSQL) engine.",
        )
    if cluster.status != "available":
        raise InvalidDBClusterStateFault(
            f"Cluster {db_cluster_identifier} should be in a valid state to add role."
        )
    for role in cluster._associated_roles:
        if role.role_arn == role_arn or (feature_name and role.feature_name == feature_name):
            raise DBClusterRoleAlreadyExists(
                f"Role {role_arn} or feature {feature_name} already associated with cluster {db_cluster_identifier}"
            )
    if len(cluster._associated_roles) >= _MAX_CLUSTER_ROLES:
        raise RDSClientError(
            "DBClusterRoleQuotaExceeded",
            "You have exceeded the maximum number of IAM roles that can be associated with the specified DB cluster.",
        )
    cluster._associated_roles.append(models.AssociatedRole(role_arn=role_arn, feature_name=feature_name))


models.RDSBackend.add_role_to_db_cluster = _add_role_to_db_cluster_as_rds

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


def _clusters_described(response):
    """The clusters a DescribeDBClusters request shows: each such answer stands for the minutes that pass."""
    filters = {f["Name"]: f["Values"] for f in response.params.get("Filters", [])}
    try:
        return response.backend.describe_db_clusters(
            db_cluster_identifier=response.params.get("DBClusterIdentifier"), filters=filters
        )
    except RDSClientError:
        return []


def _describe_db_clusters_passing_time(self):
    for cluster in _clusters_described(self):
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


# --- Stopped clusters ------------------------------------------------------------------------------------------
# "Stopping and starting an Amazon Aurora DB cluster" (Aurora User Guide): stopping and starting take minutes (the
# cluster is "stopping" then "stopped", its instances too; starting it goes "starting" then "available"), and "While
# your DB cluster is stopped" you "can't modify the configuration of the cluster ... add or remove DB instances from
# the cluster, or delete the cluster if it still has any associated DB instances".
# https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-cluster-stop-start.html
# moto switches the status at once and leaves the instances as they were. Here a stopped or started cluster stays
# "stopping"/"starting" in the call's answer and in its next N DescribeDBClusters answers (N: --creating-describes,
# the same minutes as a restore; -1 keeps moto's switch at once), its instances showing the cluster's status.
# While a cluster is stopping, stopped or starting, RDS refuses, with the codes each API Reference lists for a
# cluster in the wrong state (InvalidDBClusterStateFault: "The requested operation can't be performed while the
# cluster is in this state"): ModifyDBCluster, CreateDBInstance into it, DeleteDBInstance of its instances, and
# DeleteDBCluster while it is stopping or starting (moto already refuses deleting a cluster that has instances);
# EnableHttpEndpoint answers InvalidResourceStateFault, the one state fault its API Reference lists.
# AddRoleToDBCluster needs an available cluster above. https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/
# (API_ModifyDBCluster, API_CreateDBInstance, API_DeleteDBInstance, API_DeleteDBCluster, API_EnableHttpEndpoint)
_POWERED_DOWN = ("stopping", "stopped", "starting")


def _set_instances_status(backend, cluster, status):
    for instance in backend.databases.values():
        if getattr(instance, "db_cluster_identifier", None) == cluster.db_cluster_identifier:
            instance.status = status


def _switching(switch, passing, after):
    def switch_slowly(self, cluster_identifier):
        switched = switch(self, cluster_identifier)
        if _creating["describes"] < 0:
            return switched
        cluster = self.clusters[cluster_identifier]
        cluster.aurora_echo_switching = [passing, after, _creating["describes"]]
        _set_instances_status(self, cluster, passing)
        return cluster

    return switch_slowly


models.RDSBackend.stop_db_cluster = _switching(models.RDSBackend.stop_db_cluster, "stopping", "stopped")
models.RDSBackend.start_db_cluster = _switching(models.RDSBackend.start_db_cluster, "starting", "available")
_status_before_switching = models.DBCluster.status


def _status_while_switching(self):
    switching = getattr(self, "aurora_echo_switching", None)
    return switching[0] if switching else _status_before_switching.fget(self)


models.DBCluster.status = property(_status_while_switching, _status_before_switching.fset)
_describe_db_clusters_before_switching = RDSResponse.describe_db_clusters


def _describe_db_clusters_switching(self):
    for cluster in _clusters_described(self):
        switching = getattr(cluster, "aurora_echo_switching", None)
        if not switching:
            continue
        if switching[2] > 0:
            switching[2] -= 1
        else:
            cluster.aurora_echo_switching = None
            cluster._status = switching[1]
            _set_instances_status(self.backend, cluster, switching[1])
    return _describe_db_clusters_before_switching(self)


RDSResponse.describe_db_clusters = _describe_db_clusters_switching


def _refused_while_powered_down(cluster, code="InvalidDBClusterStateFault", states=_POWERED_DOWN):
    if cluster is not None and cluster.status in states:
        raise RDSClientError(
            code,
            f"DbCluster {cluster.db_cluster_identifier} is in {cluster.status} state but expected it to be one of available.",
        )


_modify_db_cluster = models.RDSBackend.modify_db_cluster


def _modify_db_cluster_running(self, kwargs):
    _refused_while_powered_down(self.clusters.get(kwargs["db_cluster_identifier"]))
    return _modify_db_cluster(self, kwargs)


models.RDSBackend.modify_db_cluster = _modify_db_cluster_running
_create_db_instance_any_state = models.RDSBackend.create_db_instance


def _create_db_instance_running(self, db_kwargs):
    cluster_id = db_kwargs.get("db_cluster_identifier")
    _refused_while_powered_down(self.clusters.get(cluster_id) if cluster_id else None)
    return _create_db_instance_any_state(self, db_kwargs)


models.RDSBackend.create_db_instance = _create_db_instance_running
_delete_db_instance = models.RDSBackend.delete_db_instance


def _delete_db_instance_running(self, db_instance_identifier, *args, **kwargs):
    instance = self.databases.get(db_instance_identifier)
    cluster_id = getattr(instance, "db_cluster_identifier", None)
    _refused_while_powered_down(self.clusters.get(cluster_id) if cluster_id else None)
    return _delete_db_instance(self, db_instance_identifier, *args, **kwargs)


models.RDSBackend.delete_db_instance = _delete_db_instance_running
_delete_db_cluster = models.RDSBackend.delete_db_cluster


def _delete_db_cluster_not_switching(self, cluster_identifier, *args, **kwargs):
    _refused_while_powered_down(self.clusters.get(cluster_identifier), states=("stopping", "starting"))
    return _delete_db_cluster(self, cluster_identifier, *args, **kwargs)


models.RDSBackend.delete_db_cluster = _delete_db_cluster_not_switching
_enable_http_endpoint_any_state = RDSResponse.enable_http_endpoint


def _enable_http_endpoint_running(self):
    arn = self.params.get("ResourceArn")
    for cluster in self.backend.clusters.values():
        if cluster.db_cluster_arn == arn:
            _refused_while_powered_down(cluster, code="InvalidResourceStateFault")
    return _enable_http_endpoint_any_state(self)


RDSResponse.enable_http_endpoint = _enable_http_endpoint_running
# --- end of Stopped clusters -----------------------------------------------------------------------------------


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


# The RDS Data API's answer to a query, for the demo (tests answer the Data API at the HTTP level, as AWS would).
# moto answers every statement with no rows (its own queue of results is keyed by cluster and taken in order);
# POST {"sql": "SELECT count(*) FROM orders", "rows": [[1500]]} to /moto-api/aurora-echo/data-api-answers makes
# ExecuteStatement answer that statement, on any cluster, with these rows until another answer is set for it;
# {"sql": ..., "rows": null} goes back to moto's. moto's reset forgets them all. Other statements keep moto's answer.
from moto.rdsdata import models as rdsdata_models  # noqa: E402

_data_api_answers = {}


def _field(value):
    """A column as the Data API gives it (Field, https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/API_Field.html)."""
    if value is None:
        return {"isNull": True}
    if isinstance(value, bool):
        return {"booleanValue": value}
    if isinstance(value, int):
        return {"longValue": value}
    if isinstance(value, float):
        return {"doubleValue": value}
    return {"stringValue": str(value)}


class _QueryAnswer:
    """ExecuteStatement's response to a query as AWS sends it: "records" (arrays of Field) and
    "numberOfRecordsUpdated"; columnMetadata only when asked for, which checks do not, and no generatedFields
    (ExecuteStatement, Response Syntax, https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/API_ExecuteStatement.html)."""

    def __init__(self, rows):
        self.rows = rows

    def to_json(self):
        return {"records": [[_field(value) for value in row] for row in self.rows], "numberOfRecordsUpdated": 0}


_execute_statement = rdsdata_models.RDSDataServiceBackend.execute_statement


def _execute_statement_answered(self, resource_arn, sql):
    rows = _data_api_answers.get(sql)
    if rows is None:
        return _execute_statement(self, resource_arn, sql)
    return _QueryAnswer(rows)


rdsdata_models.RDSDataServiceBackend.execute_statement = _execute_statement_answered


def _set_data_api_answer(request, full_url, headers):
    if request.method == "POST":
        answer = json.loads(request.get_data() or b"{}")
        if answer.get("rows") is None:
            _data_api_answers.pop(answer["sql"], None)
        else:
            _data_api_answers[answer["sql"]] = answer["rows"]
    return 200, {}, json.dumps(_data_api_answers)


moto_api_urls.url_paths["{0}/moto-api/aurora-echo/data-api-answers"] = _set_data_api_answer
_moto_reset = moto_api_urls.url_paths["{0}/moto-api/reset"]


def _reset_forgetting_answers(request, full_url, headers):
    if request.method == "POST":
        _data_api_answers.clear()
    return _moto_reset(request, full_url, headers)


moto_api_urls.url_paths["{0}/moto-api/reset"] = _reset_forgetting_answers


from moto.server import main  # noqa: E402  (after the patch, so the server sees it)

main(_take_option(sys.argv[1:], "--creating-describes"))
