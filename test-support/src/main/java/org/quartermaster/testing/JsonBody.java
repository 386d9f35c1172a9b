package org.quartermaster.testing;

import java.util.List;
import java.util.Map;

/** A decoded JSON answer, read by paths such as {@code value[0].id}, for tests asserting on Graph responses. */
public record JsonBody(Map<String, Object> json) {

  @SuppressWarnings("unchecked")
  public Object at(String path) {
    if (json.containsKey(path)) {
      return json.get(path); // annotations such as @odata.context hold dots themselves
    }
    Object current = json;
    for (String segment : path.split("\\.")) {
      String name = segment.contains("[") ? segment.substring(0, segment.indexOf('[')) : segment;
      current = ((Map<String, Object>) current).get(name);
      if (segment.contains("[")) {
        int index = Integer.parseInt(segment.substring(segment.indexOf('[') + 1, segment.indexOf(']')));
        current = ((List<Object>) current).get(index);
      }
    }
    return current;
  }

  public String path(String path) {
    Object value = at(path);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  public List<Object> list(String path) {
    return (List<Object>) at(path);
  }
}
