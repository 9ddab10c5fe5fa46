package dev.govern.core.fleet;

import dev.govern.core.evidence.VersionEvidence;
import dev.govern.core.version.GoVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One row of the fleet inventory: a main module (with its repository evidence and the binaries
 * built from it) or a binary without source.
 *
 * @param name the main module path, or the binary's file name
 * @param root the repository folder or the binary
 * @param owner from CODEOWNERS, when present
 * @param evidence every version statement, strongest first
 * @param effective the Go version that most likely builds or built it
 * @param effectiveFrom the evidence the effective version came from
 * @param supported whether the effective version's line is supported
 * @param stdlib ids of known standard-library vulnerabilities
 * @param toolchain ids of known toolchain vulnerabilities
 * @param modules ids of known module vulnerabilities
 * @param riskClass red, yellow or green
 * @param because the conditions that decided the class
 * @param fix the smallest upgrade that is supported, allowed by the policy and free of known
 *     standard-library vulnerabilities, when the effective version is not already that
 */
public record Service(
    String name,
    Path root,
    Optional<String> owner,
    List<VersionEvidence> evidence,
    Optional<GoVersion> effective,
    Optional<VersionEvidence> effectiveFrom,
    boolean supported,
    List<String> stdlib,
    List<String> toolchain,
    List<String> modules,
    RiskClass riskClass,
    List<Condition> because,
    Optional<GoVersion> fix) {}
