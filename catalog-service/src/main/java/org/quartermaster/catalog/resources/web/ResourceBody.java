package org.quartermaster.catalog.resources.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * The resource a resource request names. For a directory group only originSystem and originId matter: its name,
 * description and type come from the directory; the rest are accepted because the tutorials send them.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record ResourceBody(
    UUID id,
    String originId,
    String originSystem,
    String displayName,
    String description,
    String resourceType,
    String url,
    List<Object> attributes,
    @JsonProperty("accessPackageResourceEnvironment@odata.bind") String environmentBind) {
}
