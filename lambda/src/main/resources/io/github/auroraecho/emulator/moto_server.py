"""Starts moto's server, made to refuse what AWS refuses where moto differs.

moto replaces a DB cluster that is created or restored over an existing name; AWS fails with
DBClusterAlreadyExistsFault, atomically even for concurrent requests. aurora-echo relies on that
refusal for duplicate deliveries, so the emulator must show it too. Arguments are moto.server's own
(-H HOST -p PORT).
"""
import sys
import threading

from moto.rds import models
from moto.rds.exceptions import RDSClientError

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

from moto.server import main  # noqa: E402  (after the patch, so the server sees it)

main(sys.argv[1:])
