"""Starts moto's server, made to do what AWS does where moto differs.

moto replaces a DB cluster that is created or restored over an existing name; AWS fails with
DBClusterAlreadyExistsFault. aurora-echo relies on that refusal for duplicate deliveries, so the
emulator must show it too.

moto lacks RDS's EnableHttpEndpoint (the RDS Data API switch of provisioned and Serverless v2
clusters); modify calls it before running SQL, so the emulator answers it as AWS does.

Arguments are moto.server's own (-H HOST -p PORT).
"""
import sys

from moto.core.responses import ActionResult
from moto.rds import models
from moto.rds.exceptions import RDSClientError
from moto.rds.responses import RDSResponse

_create_db_cluster = models.RDSBackend.create_db_cluster


def _create_db_cluster_refusing_duplicates(self, kwargs):
    cluster_id = kwargs["db_cluster_identifier"]
    if cluster_id in self.clusters:
        raise RDSClientError(
            "DBClusterAlreadyExistsFault", f"DB Cluster {cluster_id} already exists"
        )
    return _create_db_cluster(self, kwargs)


models.RDSBackend.create_db_cluster = _create_db_cluster_refusing_duplicates


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
