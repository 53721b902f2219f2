package io.github.auroraecho.testing;

import io.github.auroraecho.aws.Changes;
import io.github.auroraecho.aws.ClusterChange;
import io.github.auroraecho.aws.CopyStore;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.IamRole;
import io.github.auroraecho.lifecycle.ManualSnapshot;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.Placement;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DbClusterAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DbClusterRoleAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbInstanceAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * RDS's clusters, instances and snapshots in memory, behaving as AWS documents (not as the emulator):
 * a name already taken is {@code DbClusterAlreadyExistsException}, a cluster with instances cannot be
 * deleted. For the stage rules' tests; the emulator keeps the end-to-end lifecycles and the SDK's requests.
 */
public final class MemoryRds {
    private static final String ARN = "arn:aws:rds:us-east-1:123456789012:";

    /** A cluster as RDS holds it; tests change it freely to set the scene. */
    public static final class Cluster {
        public final String id;
        public String status = Copy.AVAILABLE;
        public String engine;
        public Instant created;
        public boolean deletionProtection;
        public final Map<String, String> tags = new LinkedHashMap<>();
        public final List<String> roleArns = new ArrayList<>();
        public final Map<String, Map<String, String>> instanceTags = new LinkedHashMap<>();
        public String parameterGroup = "default.aurora-postgresql15";
        public Integer backupRetentionPeriod = 1;
        public boolean httpEndpointEnabled;
        public String secretArn;

        Cluster(String id, String engine, Instant created, Map<String, String> tags) {
            this.id = id;
            this.engine = engine;
            this.created = created;
            this.tags.putAll(tags);
        }

        Copy toCopy(boolean withInstances) {
            List<Copy.Instance> instances = withInstances ? instanceTags.entrySet().stream()
                    .map(i -> new Copy.Instance(i.getKey(), ARN + "db:" + i.getKey(), Copy.AVAILABLE,
                            i.getKey() + ".instance.example", i.getValue()))
                    .toList() : List.of();
            return new Copy(id, ARN + "cluster:" + id, status, engine, created, id + ".cluster.example",
                    id + ".cluster-ro.example", deletionProtection, tags, roleArns, instances,
                    new Copy.Settings(parameterGroup, backupRetentionPeriod, httpEndpointEnabled, secretArn,
                            secretArn == null ? null : "active", null));
        }
    }

    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    private final List<DBClusterSnapshot> snapshots = new ArrayList<>();
    private final List<String> writes = new ArrayList<>();
    private final Supplier<Instant> clock;
    /** Runs before each write is made, as another delivery of the same schedule could act in between. */
    private Runnable beforeWrite = () -> {
    };

    MemoryRds(Supplier<Instant> clock) {
        this.clock = clock;
    }

    // --- setting the scene and looking at the result -------------------------------------------------

    public Cluster cluster(String id, String engine, Map<String, String> tags) {
        Cluster cluster = new Cluster(id, engine, clock.get(), tags);
        clusters.put(key(id), cluster);
        return cluster;
    }

    public Optional<Cluster> find(String id) {
        return Optional.ofNullable(clusters.get(key(id)));
    }

    public void snapshot(String clusterId, String snapshotId, Instant created) {
        snapshot(clusterId, snapshotId, created, Map.of());
    }

    /** A snapshot with tags: a copy's final snapshot carries the copy's (the restores ask RDS to copy them). */
    public void snapshot(String clusterId, String snapshotId, Instant created, Map<String, String> tags) {
        snapshots.add(DBClusterSnapshot.builder().dbClusterIdentifier(clusterId).dbClusterSnapshotIdentifier(snapshotId)
                .dbClusterSnapshotArn(ARN + "cluster-snapshot:" + snapshotId).status(Copy.AVAILABLE)
                .snapshotCreateTime(created).engine("aurora-postgresql").engineVersion("15.4")
                .tagList(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                        .toList()).build());
    }

    /** The identifiers of the snapshots there are, in the order they were taken. */
    public List<String> snapshotIds() {
        return snapshots.stream().map(DBClusterSnapshot::dbClusterSnapshotIdentifier).toList();
    }

    /** Every write made (never a planned one), in order: empty means nothing was changed. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    public void beforeEachWrite(Runnable action) {
        beforeWrite = action;
    }

    // --- the gateway ---------------------------------------------------------------------------------

    /** The store one run sees, bound to the run's changes. */
    public CopyStore store(Changes changes) {
        return new Store(changes);
    }

    private final class Store implements CopyStore {
        private final Changes changes;
        private List<Copy> lastListed;

        Store(Changes changes) {
            this.changes = changes;
        }

        private void write(String description, Runnable effect) {
            changes.applyByHand(description, () -> {
                beforeWrite.run();
                effect.run();
                writes.add(description);
                return "memory-" + writes.size();
            });
        }

        /** As the Tagging API and the describes find them: every cluster with the key on it or an instance. */
        @Override
        public Ownership.Found list(Ownership ownership) {
            String key = Stage.tagKey(ownership.managedName());
            List<Cluster> tagged = clusters.values().stream().filter(c -> c.tags.containsKey(key)
                    || c.instanceTags.values().stream().anyMatch(tags -> tags.containsKey(key))).toList();
            Map<String, String> taggedInstances = new LinkedHashMap<>();
            tagged.forEach(c -> c.instanceTags.forEach((id, tags) -> {
                if (tags.containsKey(key)) {
                    taggedInstances.put(ARN + "db:" + id, tags.get(key));
                }
            }));
            Ownership.Found found = ownership.sort(tagged.stream().map(c -> c.toCopy(true)).toList(), taggedInstances);
            lastListed = found.copies();
            return found;
        }

        @Override
        public Optional<List<Copy>> lastListed() {
            return Optional.ofNullable(lastListed);
        }

        @Override
        public Optional<Copy> reread(Copy copy) {
            return find(copy.name()).map(c -> c.toCopy(true));
        }

        @Override
        public Optional<Copy> cluster(String clusterId) {
            return find(clusterId).map(c -> c.toCopy(false));
        }

        /** Restorable up to the clock's now, as RDS's LatestRestorableTime is to within minutes. */
        @Override
        public Optional<CloneSource> cloneSource(String clusterId) {
            return find(clusterId).map(c -> new CloneSource(c.engine, null, clock.get()));
        }

        @Override
        public Optional<DBClusterSnapshot> newestAvailableSnapshot(String sourceClusterId) {
            return snapshots.stream().filter(s -> s.dbClusterIdentifier().equals(sourceClusterId))
                    .max(Comparator.comparing(DBClusterSnapshot::snapshotCreateTime));
        }

        @Override
        public List<DBClusterSnapshot> sharedSnapshots() {
            return List.of();
        }

        @Override
        public void restoreFromSnapshot(String name, DBClusterSnapshot snapshot, boolean shared, Placement placement,
                                        Map<String, String> tags) {
            create("restore cluster " + name, name,
                    placement.engineOr(snapshot.engine()), tags);
        }

        @Override
        public void cloneCluster(String name, String sourceClusterName, Placement placement, Map<String, String> tags) {
            create("clone cluster " + sourceClusterName + " to " + name, name, find(sourceClusterName)
                    .orElseThrow(() -> error(DbClusterNotFoundException.builder(), "DBClusterNotFoundFault")).engine,
                    tags);
        }

        private void create(String description, String name, String engine, Map<String, String> tags) {
            write(description, () -> {
                if (find(name).isPresent()) {
                    throw error(DbClusterAlreadyExistsException.builder(), "DBClusterAlreadyExistsFault");
                }
                MemoryRds.this.cluster(name, engine, tags);
            });
        }

        @Override
        public void createInstance(String name, String engine, Placement placement, Map<String, String> tags) {
            write("create instance " + name, () -> {
                Cluster cluster = existing(name);
                if (clusters.values().stream().anyMatch(c -> c.instanceTags.containsKey(name))) {
                    throw error(DbInstanceAlreadyExistsException.builder(), "DBInstanceAlreadyExists");
                }
                cluster.instanceTags.put(name, new LinkedHashMap<>(tags));
            });
        }

        @Override
        public void setStage(Copy copy, String managedName, Stage stage, Map<TimeTag, Instant> times,
                             Map<String, String> marks) {
            String key = Stage.tagKey(managedName);
            Map<String, String> tags = CopyTags.stage(managedName, stage);
            Map<String, String> clusterTags = new LinkedHashMap<>(CopyTags.times(copy.clusterTags(), managedName, stage,
                    times));
            clusterTags.putAll(marks);
            if (!clusterTags.isEmpty() || CopyTags.needsStage(copy.clusterTags(), managedName, stage)) {
                clusterTags.putAll(tags);
                write("tag cluster " + copy.name() + " " + clusterTags,
                        () -> existing(copy.name()).tags.putAll(clusterTags));
            }
            for (Copy.Instance instance : copy.instances()) {
                if (CopyTags.needsStage(instance.tags(), managedName, stage)) {
                    write("tag instance " + instance.id() + " " + key + "=" + stage.tagValue(),
                            () -> existing(copy.name()).instanceTags.get(instance.id()).putAll(tags));
                }
            }
        }

        @Override
        public void addRole(Copy copy, IamRole role) {
            write("associate role " + role.describe() + " with cluster " + copy.name(), () -> {
                Cluster cluster = existing(copy.name());
                if (cluster.roleArns.contains(role.name())) {
                    throw error(DbClusterRoleAlreadyExistsException.builder(), "DBClusterRoleAlreadyExists");
                }
                cluster.roleArns.add(role.name());
            });
        }

        @Override
        public void modifyCluster(Copy copy, ClusterChange change) {
            write("modify cluster " + copy.name() + ": " + change.describe(), () -> {
                Cluster cluster = existing(copy.name());
                if (change.manageMasterUserPassword()) {
                    cluster.secretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!" + copy.name();
                }
                if (change.parameterGroup() != null) {
                    cluster.parameterGroup = change.parameterGroup();
                }
                if (change.backupRetentionPeriod() != null) {
                    cluster.backupRetentionPeriod = change.backupRetentionPeriod().intValue();
                }
                if (change.disableDeletionProtection()) {
                    cluster.deletionProtection = false;
                }
            });
        }

        @Override
        public void enableHttpEndpoint(Copy copy) {
            write("enable the RDS Data API on cluster " + copy.name(), () -> existing(copy.name()).httpEndpointEnabled = true);
        }

        @Override
        public void setSqlProgress(Copy copy, String managedName, SqlProgress progress) {
            write("tag cluster " + copy.name() + " " + SqlProgress.tagKey(managedName) + "=" + progress.tagValue(),
                    () -> existing(copy.name()).tags.put(SqlProgress.tagKey(managedName), progress.tagValue()));
        }

        @Override
        public void stopCluster(Copy copy) {
            write("stop cluster " + copy.name(), () -> existing(copy.name()).status = "stopped");
        }

        @Override
        public void startCluster(Copy copy) {
            write("start cluster " + copy.name(), () -> existing(copy.name()).status = Copy.AVAILABLE);
        }

        @Override
        public void deleteInstance(Copy copy, Copy.Instance instance) {
            write("delete instance " + instance.id(), () -> {
                if (existing(copy.name()).instanceTags.remove(instance.id()) == null) {
                    throw error(DbInstanceNotFoundException.builder(), "DBInstanceNotFound");
                }
            });
        }

        @Override
        public void deleteCluster(Copy copy, boolean finalSnapshot, Instant now) {
            write("delete cluster " + copy.name(), () -> {
                Cluster cluster = existing(copy.name());
                if (!cluster.instanceTags.isEmpty() || cluster.deletionProtection) {
                    throw error(InvalidDbClusterStateException.builder(), "InvalidDBClusterStateFault");
                }
                clusters.remove(key(copy.name()));
                if (finalSnapshot) {
                    snapshot(copy.name(), ManualSnapshot.finalName(copy.name(), now), now, cluster.tags);
                }
            });
        }

        @Override
        public List<ManualSnapshot> manualSnapshots() {
            return snapshots.stream().map(s -> new ManualSnapshot(s.dbClusterSnapshotIdentifier(),
                    s.dbClusterIdentifier(), s.snapshotCreateTime(), s.tagList().stream()
                    .collect(java.util.stream.Collectors.toMap(Tag::key, Tag::value)))).toList();
        }

        @Override
        public void deleteSnapshot(ManualSnapshot snapshot) {
            write("delete final snapshot " + snapshot.id(), () -> snapshots.removeIf(
                    s -> s.dbClusterSnapshotIdentifier().equals(snapshot.id())));
        }

        private Cluster existing(String id) {
            return find(id).orElseThrow(() -> error(DbClusterNotFoundException.builder(), "DBClusterNotFoundFault"));
        }
    }

    /** RDS compares identifiers case-insensitively. */
    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static AwsServiceException error(AwsServiceException.Builder builder, String code) {
        return builder.statusCode(400).message(code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).serviceName("Rds").build())
                .build();
    }
}
