# One image per service, built from this repository:
#   docker build --build-arg MODULE=api-service -t renlayer/api-service .
# docker-compose.yml builds all three. The runtime image holds the service's jar, its dependencies (lib/) and its
# config.yml, every value of which can be set from the environment (see docs/operations.md).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:21-jre
ARG MODULE
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}.jar service.jar
COPY --from=build /src/${MODULE}/target/lib lib
COPY --from=build /src/${MODULE}/config.yml config.yml
RUN useradd --system --uid 10001 renlayer && mkdir -p /app/data && chown renlayer /app/data
USER renlayer
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "service.jar"]
CMD ["server", "config.yml"]
