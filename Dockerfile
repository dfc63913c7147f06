# pobox for production. Build the application first: mvn -B package -DskipTests
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tesseract-ocr-chi-sim tesseract-ocr-osd \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /pobox
COPY app/target/pobox.jar app/target/pobox.jar
COPY app/target/lib app/target/lib
COPY bin/pobox bin/pobox
COPY seeds seeds
ENV POBOX_HOME=/pobox OMP_THREAD_LIMIT=1
# the embedded node is not used here: POBOX_ES_URL points at the elasticsearch service
ENTRYPOINT ["java", "-Xmx2g", "-Dfile.encoding=UTF-8", "-Dpobox.home=/pobox", "-Dpobox.logDir=/pobox/logs", \
            "-cp", "app/target/pobox.jar:app/target/lib/*", "org.pobox.cli.PoboxCli"]
CMD ["run"]
