# syntax=docker/dockerfile:1
# Build stage: the Maven wrapper builds the uber-jar target/posthog-gitops.jar. Its class-data
# archive is written in the runtime stage instead, by the JVM that will map it.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests -Dappcds.skip=true

# Runtime stage: a Java 17 runtime, the launcher with the same start-up settings as a clone
# (docs/performance.md), a non-root user, the CLI as entrypoint.
FROM eclipse-temurin:17-jre
RUN groupadd --system gitops && useradd --system --gid gitops --home-dir /work --create-home gitops
COPY --from=build /src/target/posthog-gitops.jar /opt/posthog-gitops/lib/posthog-gitops.jar
COPY bin/posthog-gitops /opt/posthog-gitops/bin/posthog-gitops
# The archive is written as the build writes it: the launcher plans the bundled examples once.
COPY examples/ /tmp/examples/
RUN POSTHOG_GITOPS_CDS_WRITE=1 /opt/posthog-gitops/bin/posthog-gitops \
      plan /tmp/examples/flags --snapshot /tmp/examples/snapshot.json > /dev/null \
    && rm -rf /tmp/examples
USER gitops
WORKDIR /work
ENTRYPOINT ["/opt/posthog-gitops/bin/posthog-gitops"]
CMD ["--help"]
