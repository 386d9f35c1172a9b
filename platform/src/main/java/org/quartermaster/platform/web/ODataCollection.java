package org.quartermaster.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A Graph collection response: context, optional count, one page of values and the next page's link. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ODataCollection<T>(
    @JsonProperty("@odata.context") String context,
    @JsonProperty("@odata.count") Long count,
    List<T> value,
    @JsonProperty("@odata.nextLink") String nextLink) {
}
