# lightspeed-stack: every target finds a JDK >= 21 by itself (scripts/java-home.sh).
SHELL := /bin/bash
JAVA_HOME := $(shell scripts/java-home.sh)
export JAVA_HOME
MVN := ./mvnw -B -ntp
CONFIG ?= lightspeed-stack.yaml
JAR := target/lightspeed-stack-0.2.0.jar
IMAGE ?= localhost/lightspeed-stack:0.2.0
LIBRARY_IMAGE ?= localhost/lightspeed-stack-library:0.2.0

.PHONY: help run build test test-unit test-integration test-e2e test-reliability soak bench bench-quick schema openapi-doc format verify clean
.PHONY: image image-library test-container validate-manifests

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

build: ## Build the service jar
	$(MVN) -q package -DskipTests

run: ## Build and start the service with $(CONFIG) (starts a local Llama Stack when none answers)
	@scripts/run.sh --check $(CONFIG)
	@$(MAKE) --no-print-directory build
	scripts/run.sh $(CONFIG)

test: verify test-e2e ## The whole suite: formatting, unit, integration and e2e tests

test-unit: ## Unit and slice tests
	$(MVN) test

test-integration: ## Integration tests (*IT) against WireMock and SQLite
	$(MVN) verify -DskipUnitTests=true

test-e2e: build ## End-to-end tests against a real Llama Stack (see docs/llama-stack-notes.md)
	e2e/run-tests.sh

test-reliability: ## Reliability suite (*Reliability): fuzzing, hostile input, crashes, forged tokens, a 10-minute soak (docs/reliability.md)
	$(MVN) -Preliability verify -DskipUnitTests=true

soak: ## The soak of the reliability suite for an hour instead of 10 minutes (not in CI)
	$(MVN) -Preliability verify -DskipUnitTests=true -Dit.test=SoakReliability -Dlightspeed.soak.duration=60m -Dlightspeed.reliability.timeout=4200

image: build ## Build the container image $(IMAGE) with podman (docs/deployment.md)
	LCS_IMAGE=$(IMAGE) deploy/container/build-image.sh

image-library: image ## Build $(LIBRARY_IMAGE): the image plus Python and Llama Stack 0.5.4 for library mode
	LCS_IMAGE=$(IMAGE) LCS_LIBRARY_IMAGE=$(LIBRARY_IMAGE) deploy/container/build-library-image.sh

test-container: image image-library validate-manifests ## Both images run and checked against a real Llama Stack
	LCS_IMAGE=$(IMAGE) deploy/container/test.sh
	LCS_LIBRARY_IMAGE=$(LIBRARY_IMAGE) deploy/container/test-library.sh

validate-manifests: build ## Check deploy/kubernetes and docker-compose.yaml against the Kubernetes and Compose schemas
	deploy/validate.sh

bench: build ## Benchmark beside upstream LCS 0.2.0 and 0.7.1 and nginx (about 90 minutes; see docs/performance.md)
	bench/run.sh

bench-quick: build ## The benchmark harness in about 5 minutes: fails on a broken harness, not on noisy numbers
	bench/run.sh --quick

verify: ## Formatting check, unit and integration tests, committed OpenAPI documents up to date
	scripts/openapi.sh check-md
	scripts/with-postgres.sh $(MVN) verify

format: ## Apply the code format
	$(MVN) -q spring-javaformat:apply

schema: ## Write docs/openapi.json
	scripts/openapi.sh json

openapi-doc: ## Write docs/openapi.md
	scripts/openapi.sh md

clean: ## Remove build output
	$(MVN) -q clean
