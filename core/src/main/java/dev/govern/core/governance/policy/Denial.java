package dev.govern.core.governance.policy;

import dev.govern.core.version.VersionRange;
import java.util.List;

/**
 * Versions a team bans, and why.
 *
 * @param versions the banned versions
 * @param reason why, shown in every finding
 * @param advisories advisory ids behind the ban (GO-2024-2687)
 */
public record Denial(VersionRange versions, String reason, List<String> advisories) {}
