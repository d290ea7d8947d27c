# syntax=docker/dockerfile:1
# Build stage: the Maven wrapper builds the uber-jar target/posthog-gitops.jar.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests

# Runtime stage: a Java 17 runtime, a non-root user, the CLI as entrypoint.
FROM eclipse-temurin:17-jre
RUN groupadd --system gitops && useradd --system --gid gitops --home-dir /work --create-home gitops
COPY --from=build /src/target/posthog-gitops.jar /opt/posthog-gitops/posthog-gitops.jar
USER gitops
WORKDIR /work
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-jar", "/opt/posthog-gitops/posthog-gitops.jar"]
CMD ["--help"]
