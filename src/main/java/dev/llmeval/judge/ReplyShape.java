package dev.llmeval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Bends a parsed reply towards the expected record without inventing content: a bare array
 * becomes the record's single list, a lone item is wrapped in that list, a list under another
 * name is renamed, and a one-element array around the expected object is unwrapped.
 */
final class ReplyShape {

    private ReplyShape() {}

    static JsonNode adapt(JsonNode node, Class<?> type) {
        if (!type.isRecord()) {
            return node;
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length == 1 && List.class.isAssignableFrom(components[0].getType())) {
            return adaptToList(node, components[0]);
        }
        if (node.isArray() && node.size() == 1 && node.get(0).isObject()) {
            return node.get(0);
        }
        return node;
    }

    private static JsonNode adaptToList(JsonNode node, RecordComponent list) {
        String name = list.getName();
        if (node.isArray()) {
            return wrap(name, node);
        }
        if (!node.isObject() || node.has(name)) {
            return node;
        }
        List<String> arrayFields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isArray()) {
                arrayFields.add(field.getKey());
            }
        }
        Class<?> item = itemType(list);
        if (item != null && item.isRecord() && sharesAField(node, item)) {
            ArrayNode single = JsonNodeFactory.instance.arrayNode().add(node);
            return wrap(name, single);
        }
        if (arrayFields.size() == 1) {
            return wrap(name, node.get(arrayFields.get(0)));
        }
        return node;
    }

    private static boolean sharesAField(JsonNode node, Class<?> record) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (node.has(component.getName())) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> itemType(RecordComponent list) {
        Type generic = list.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> item) {
            return item;
        }
        return null;
    }

    private static ObjectNode wrap(String name, JsonNode value) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.set(name, value);
        return object;
    }
}
