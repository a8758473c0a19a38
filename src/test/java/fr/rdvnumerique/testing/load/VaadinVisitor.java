package fr.rdvnumerique.testing.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One simulated browser tab talking Vaadin Flow's protocol over HTTP, without a browser: the page, {@code ?v-r=init},
 * then UIDL requests ({@code ?v-r=uidl}) carrying RPC invocations (the router's {@code ui-navigate} event, DOM
 * events such as {@code click} and {@code change}, {@code mSync} property syncs), each with the session's CSRF key,
 * the last {@code syncId} received and the next {@code clientId}, as Flow's client engine sends them.
 * <p>
 * The answers' {@code changes} are applied to a small copy of the state tree (node id → tag, properties,
 * attributes, children, text, class names, listened events), enough to find an element by its {@code id} attribute
 * or its text, to read what a page says and to follow {@code router-link} anchors, including those written inside an
 * {@code Html} component's {@code innerHTML}.
 * <p>
 * Independent of Spring: it needs a base URL (loopback) and an {@link HttpClient} (HTTP/1.1; one may be shared by
 * many visitors, as each visitor keeps its own cookies). Every request is timed into a {@link RequestStats}. With a
 * {@code forwardedFor} address, every request carries it in {@code X-Forwarded-For}, as a reverse proxy in front of
 * the application would (the application believes it only from its trusted proxies, and only with
 * {@code server.forward-headers-strategy=native}). Not thread-safe: one thread drives one visitor at a time.
 */
public final class VaadinVisitor {

    /** What a problem looked like to the visitor: a refused request, an error answer, a missing element. */
    public static final class VisitorException extends RuntimeException {
        public VisitorException(String message) {
            super(message);
        }

        public VisitorException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One element (or text node) of the UI as the client sees it. */
    public static final class Node {
        final int id;
        String tag;
        String text;
        Boolean visible;
        int parent;
        final Map<String, Object> properties = new HashMap<>();
        final Map<String, Object> attributes = new HashMap<>();
        final List<Integer> children = new ArrayList<>();
        final List<Integer> virtualChildren = new ArrayList<>();
        final List<String> classes = new ArrayList<>();
        final Map<String, JsonNode> listeners = new HashMap<>();

        Node(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }

        public String tag() {
            return tag;
        }

        public Object property(String name) {
            return properties.get(name);
        }

        public Object attribute(String name) {
            return attributes.get(name);
        }

        public List<String> classNames() {
            return List.copyOf(classes);
        }

        public boolean hasClass(String name) {
            return classes.contains(name);
        }

        /** Whether the server listens to this DOM event on the element. */
        public boolean listensTo(String event) {
            return listeners.containsKey(event);
        }

        @Override
        public String toString() {
            return (tag == null ? "#text" : tag) + "[" + id + "]" + (attributes.containsKey("id") ? "#" + attributes.get("id") : "");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;
    /** What a UIDL answer starts with (against JSON hijacking), before its JSON. */
    private static final byte[] UIDL_PREFIX = "for(;;);".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern ROUTER_LINK = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]*)\"[^>]*\\brouter-link\\b[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final int ELEMENT_DATA = 0;
    private static final int ELEMENT_PROPERTIES = 1;
    private static final int ELEMENT_CHILDREN = 2;
    private static final int ELEMENT_ATTRIBUTES = 3;
    private static final int ELEMENT_LISTENERS = 4;
    private static final int TEXT_NODE = 7;
    private static final int CLASS_LIST = 11;
    private static final int VIRTUAL_CHILDREN = 24;

    private final HttpClient http;
    private final URI base;
    private final String forwardedFor;
    private final RequestStats stats;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<Integer, Node> nodes = new HashMap<>();
    private Duration timeout = Duration.ofSeconds(30);
    private String acceptLanguage = "fr-FR,fr;q=0.9";
    private int uiId = -1;
    private String csrfToken;
    private int syncId;
    private int clientId;
    private String location = "";
    private int requests;
    private boolean page = true;
    private long thinkMillis;

    /**
     * @param base         the application's root, e.g. {@code http://127.0.0.1:8080/}
     * @param forwardedFor the address a reverse proxy would report for this visitor, or null
     */
    public VaadinVisitor(HttpClient http, URI base, String forwardedFor, RequestStats stats) {
        this.http = http;
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.forwardedFor = forwardedFor;
        this.stats = stats;
    }

    /** An HTTP/1.1 client for visitors (cookies are kept by each visitor, not by the client). */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public VaadinVisitor timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    /**
     * Skips the page request when opening a route (only {@code ?v-r=init} and the navigation): for an application
     * run in production mode without its frontend bundle (tests in-process), whose page is an error.
     */
    public VaadinVisitor withoutPage() {
        this.page = false;
        return this;
    }

    /**
     * The time a person takes before each action (following a link, clicking, typing a field): uniformly between
     * half and one and a half of {@code mean}. Not counted in the requests' durations. Zero by default.
     */
    public VaadinVisitor thinkTime(Duration mean) {
        this.thinkMillis = mean.toMillis();
        return this;
    }

    public VaadinVisitor acceptLanguage(String value) {
        this.acceptLanguage = value;
        return this;
    }

    /** Requests this visitor has sent. */
    public int requests() {
        return requests;
    }

    /** A cookie this visitor keeps, e.g. the load balancer's ({@code SRV} behind HAProxy: which node it sticks to). */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** The route the UI was last navigated to (without a leading slash). */
    public String location() {
        return location;
    }

    // --- Opening and navigating ----------------------------------------------------------------------------------

    /**
     * Opens {@code route} (no leading slash, e.g. {@code territoire/x/ateliers}) as a new tab does: the page, the
     * UI ({@code ?v-r=init}), then the router's navigation to the route. Without the page when
     * {@link #withoutPage()}.
     */
    public VaadinVisitor open(String route) {
        String path = strip(route);
        if (page) {
            send("page", HttpRequest.newBuilder(base.resolve(path)).GET(), true);
        }
        HttpResponse<byte[]> init = send("init", HttpRequest.newBuilder(URI.create(base + "?v-r=init&location="
                + URLEncoder.encode(path, StandardCharsets.UTF_8) + "&query=")).GET(), true);
        JsonNode config = parse(init.body(), 0).path("appConfig");
        if (config.isMissingNode()) {
            throw new VisitorException("init of " + path + ": no appConfig");
        }
        nodes.clear();
        uiId = config.path("v-uiId").asInt();
        JsonNode uidl = config.path("uidl");
        csrfToken = uidl.path("Vaadin-Security-Key").asString();
        syncId = uidl.path("syncId").asInt(-1);
        clientId = uidl.path("clientId").asInt(0);
        apply("init", uidl);
        route("open", path);
        return this;
    }

    /** The router's navigation to {@code route}, as a click on a {@code router-link} anchor (or the back button). */
    public VaadinVisitor navigate(String route) {
        think();
        return route("navigate", route);
    }

    private VaadinVisitor route(String kind, String route) {
        String path = strip(route);
        String query = "";
        int question = path.indexOf('?');
        if (question >= 0) {
            query = path.substring(question + 1);
            path = path.substring(0, question);
        }
        ObjectNode data = FACTORY.objectNode();
        data.put("route", path);
        data.put("query", query);
        data.put("appShellTitle", "");
        data.set("historyState", FACTORY.objectNode().put("idx", 0));
        data.put("trigger", "");
        rpc(kind, List.of(event(1, "ui-navigate", data)));
        location = path;
        return this;
    }

    // --- Events --------------------------------------------------------------------------------------------------

    /** A click on the element with this id (a button, a native button...), with a mouse click's event data. */
    public VaadinVisitor click(String elementId) {
        Node node = require(elementId);
        think();
        ObjectNode data = FACTORY.objectNode();
        data.put("event.screenX", 0).put("event.screenY", 0).put("event.clientX", 0).put("event.clientY", 0)
                .put("event.detail", 1).put("event.button", 0).put("event.ctrlKey", false)
                .put("event.shiftKey", false).put("event.altKey", false).put("event.metaKey", false);
        rpc("click", List.of(event(node.id, "click", data)));
        return this;
    }

    /** Types {@code value} into a field and leaves it: its {@code value} property synced, then {@code change}. */
    public VaadinVisitor type(String elementId, String value) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(elementId, value);
        return fill(one);
    }

    /**
     * Several fields filled at once, in one request, as a browser's autofill does: for each field its
     * {@code value} property synced, then its {@code change} event.
     */
    public VaadinVisitor fill(Map<String, String> valuesById) {
        think();
        var invocations = new ArrayList<ObjectNode>();
        valuesById.forEach((id, value) -> {
            Node node = require(id);
            ObjectNode sync = FACTORY.objectNode();
            sync.put("type", "mSync").put("node", node.id).put("feature", ELEMENT_PROPERTIES).put("property", "value")
                    .put("value", value);
            invocations.add(sync);
            invocations.add(event(node.id, "change", FACTORY.objectNode()));
        });
        rpc("fill", invocations);
        return this;
    }

    /**
     * Closes the tab, as a browser does when its page goes ({@code pagehide}): Vaadin's client sends a beacon, an
     * RPC request without invocations marked {@code UNLOAD}, and the server closes the UI at once instead of keeping
     * it until the session times out. Its answer is not read (a beacon's never is). Nothing happens before
     * {@link #open}.
     */
    public void closeTab() {
        if (uiId < 0) {
            return;
        }
        send("close", uidlRequest("text/plain;charset=UTF-8", message(List.of()).put("UNLOAD", true)), true);
        uiId = -1;
        nodes.clear();
    }

    // --- What the page shows -------------------------------------------------------------------------------------

    /** The attached element with this id attribute, if any. */
    public Optional<Node> byId(String elementId) {
        Node found = null;
        for (Node node : nodes.values()) {
            if (elementId.equals(node.attributes.get("id")) && attached(node)) {
                if (found == null || node.id > found.id) {
                    found = node; // the newest, should a detach have been missed
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether the element is shown (not hidden by {@code setVisible(false)}; its parents are not looked at). */
    public static boolean visible(Node node) {
        return node.visible == null || node.visible;
    }

    public boolean has(String elementId) {
        return byId(elementId).isPresent();
    }

    public Node require(String elementId) {
        return byId(elementId).orElseThrow(() -> new VisitorException("no element #" + elementId + " on "
                + location + " (" + summary() + ")"));
    }

    /** The text of the element with this id (its text nodes, in order), or null when absent. */
    public String text(String elementId) {
        return byId(elementId).map(this::text).orElse(null);
    }

    /** The text of an element: its text nodes and those of its children, in order. */
    public String text(Node node) {
        var text = new StringBuilder();
        collectText(node, text, 0);
        return text.toString();
    }

    /** Attached elements whose id starts with {@code prefix}, in tree order. */
    public List<Node> idsStartingWith(String prefix) {
        var found = new ArrayList<Node>();
        walk(nodes.get(1), node -> {
            Object id = node.attributes.get("id");
            if (id instanceof String s && s.startsWith(prefix)) {
                found.add(node);
            }
        }, 0);
        return found;
    }

    /** Attached elements with this class name, in tree order. */
    public List<Node> withClass(String className) {
        var found = new ArrayList<Node>();
        walk(nodes.get(1), node -> {
            if (node.classes.contains(className)) {
                found.add(node);
            }
        }, 0);
        return found;
    }

    /**
     * The {@code router-link} anchors of the page, in tree order: elements {@code <a router-link>} and anchors
     * written in an element's {@code innerHTML} (the {@code Html} component). Each as its attributes.
     */
    public List<Map<String, String>> routerLinks() {
        var links = new ArrayList<Map<String, String>>();
        walk(nodes.get(1), node -> {
            if ("a".equals(node.tag) && node.attributes.containsKey("router-link")
                    && node.attributes.get("href") instanceof String href) {
                var attributes = new LinkedHashMap<String, String>();
                node.attributes.forEach((k, v) -> attributes.put(k, String.valueOf(v)));
                attributes.put("href", href);
                links.add(attributes);
            }
            if (node.properties.get("innerHTML") instanceof String html && html.contains("router-link")) {
                Matcher anchor = ROUTER_LINK.matcher(html);
                while (anchor.find()) {
                    var attributes = new LinkedHashMap<String, String>();
                    Matcher attribute = ATTRIBUTE.matcher(anchor.group());
                    while (attribute.find()) {
                        attributes.put(attribute.group(1), unescape(attribute.group(2)));
                    }
                    links.add(attributes);
                }
            }
        }, 0);
        return links;
    }

    /** A short description of the page for error messages: its element ids. */
    public String summary() {
        var ids = new ArrayList<String>();
        walk(nodes.get(1), node -> {
            if (node.attributes.get("id") instanceof String id) {
                ids.add(id);
            }
        }, 0);
        return nodes.size() + " nodes, ids " + (ids.size() > 40 ? ids.subList(0, 40) + "…" : ids);
    }

    /** Every attached node, for tests that look further. */
    public List<Node> nodes() {
        var all = new ArrayList<Node>();
        walk(nodes.get(1), all::add, 0);
        return all;
    }

    // --- Protocol ------------------------------------------------------------------------------------------------

    private static ObjectNode event(int node, String type, ObjectNode data) {
        ObjectNode event = FACTORY.objectNode();
        event.put("type", "event").put("node", node).put("event", type);
        event.set("data", data);
        return event;
    }

    /** A UIDL message: the security key, these invocations, and where the client is in the exchange. */
    private ObjectNode message(List<ObjectNode> invocations) {
        ObjectNode body = FACTORY.objectNode();
        body.put("csrfToken", csrfToken);
        body.set("rpc", FACTORY.arrayNode().addAll(invocations));
        body.put("syncId", syncId);
        body.put("clientId", clientId);
        return body;
    }

    private HttpRequest.Builder uidlRequest(String contentType, ObjectNode message) {
        return HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message)));
    }

    private void rpc(String kind, List<ObjectNode> invocations) {
        if (uiId < 0) {
            throw new VisitorException("no UI yet: open a route first");
        }
        HttpResponse<byte[]> response = send(kind, uidlRequest("application/json; charset=UTF-8", message(invocations)),
                true);
        byte[] text = response.body();
        JsonNode answer = parse(text, startsWith(text, UIDL_PREFIX) ? UIDL_PREFIX.length : 0);
        if (answer.isArray()) {
            answer = answer.path(0);
        }
        apply(kind, answer);
    }

    private void apply(String kind, JsonNode uidl) {
        JsonNode meta = uidl.path("meta");
        if (meta.path("sessionExpired").asBoolean(false)) {
            throw new VisitorException(kind + " on " + location + ": session expired");
        }
        if (meta.has("appError")) {
            throw new VisitorException(kind + " on " + location + ": application error " + meta.path("appError"));
        }
        if (uidl.has("resynchronize") && uidl.path("resynchronize").asBoolean(false)) {
            throw new VisitorException(kind + " on " + location + ": the server asked to resynchronize");
        }
        if (uidl.has("syncId")) {
            syncId = uidl.path("syncId").asInt();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.path("clientId").asInt();
        }
        for (JsonNode change : uidl.path("changes")) {
            applyChange(change);
        }
    }

    private void applyChange(JsonNode change) {
        int id = change.path("node").asInt();
        String type = change.path("type").asString();
        switch (type) {
            case "attach" -> nodes.computeIfAbsent(id, Node::new);
            case "detach" -> nodes.remove(id);
            case "put" -> put(node(id), change);
            case "remove" -> remove(node(id), change);
            case "splice" -> splice(node(id), change);
            case "clear" -> clear(node(id), change.path("feat").asInt());
            default -> {
                // "empty": a feature without data, nothing to keep
            }
        }
    }

    private Node node(int id) {
        return nodes.computeIfAbsent(id, Node::new);
    }

    private static Object value(JsonNode change) {
        if (change.has("nodeValue")) {
            return "node:" + change.path("nodeValue").asInt();
        }
        JsonNode value = change.path("value");
        if (value.isString()) {
            return value.asString();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value;
    }

    private void put(Node node, JsonNode change) {
        String key = change.path("key").asString();
        int feature = change.path("feat").asInt();
        switch (feature) {
            case ELEMENT_DATA -> {
                if ("tag".equals(key)) {
                    node.tag = change.path("value").asString();
                } else if ("visible".equals(key)) {
                    node.visible = change.path("value").asBoolean(true);
                }
            }
            case ELEMENT_PROPERTIES -> node.properties.put(key, value(change));
            case ELEMENT_ATTRIBUTES -> node.attributes.put(key, value(change));
            case ELEMENT_LISTENERS -> node.listeners.put(key, change.path("value"));
            case TEXT_NODE -> {
                if ("text".equals(key)) {
                    node.text = change.path("value").asString();
                }
            }
            default -> {
                // styles, push, poll and other features are not needed to drive the pages
            }
        }
    }

    private void remove(Node node, JsonNode change) {
        String key = change.path("key").asString();
        switch (change.path("feat").asInt()) {
            case ELEMENT_PROPERTIES -> node.properties.remove(key);
            case ELEMENT_ATTRIBUTES -> node.attributes.remove(key);
            case ELEMENT_LISTENERS -> node.listeners.remove(key);
            default -> {
            }
        }
    }

    private void clear(Node node, int feature) {
        switch (feature) {
            case ELEMENT_PROPERTIES -> node.properties.clear();
            case ELEMENT_ATTRIBUTES -> node.attributes.clear();
            case ELEMENT_LISTENERS -> node.listeners.clear();
            case ELEMENT_CHILDREN -> orphan(node.children);
            case VIRTUAL_CHILDREN -> orphan(node.virtualChildren);
            case CLASS_LIST -> node.classes.clear();
            default -> {
            }
        }
    }

    private void orphan(List<Integer> children) {
        for (int child : children) {
            Node c = nodes.get(child);
            if (c != null) {
                c.parent = 0;
            }
        }
        children.clear();
    }

    private void splice(Node node, JsonNode change) {
        int feature = change.path("feat").asInt();
        int index = change.path("index").asInt();
        int removeCount = change.path("remove").asInt(0);
        switch (feature) {
            case ELEMENT_CHILDREN, VIRTUAL_CHILDREN -> {
                List<Integer> list = feature == ELEMENT_CHILDREN ? node.children : node.virtualChildren;
                for (int i = 0; i < removeCount && index < list.size(); i++) {
                    Node removed = nodes.get(list.remove(index));
                    if (removed != null && removed.parent == node.id) {
                        removed.parent = 0;
                    }
                }
                int at = Math.min(index, list.size());
                for (JsonNode added : change.path("addNodes")) {
                    int child = added.asInt();
                    list.add(at++, child);
                    node(child).parent = node.id;
                }
            }
            case CLASS_LIST -> {
                List<String> list = node.classes;
                for (int i = 0; i < removeCount && index < list.size(); i++) {
                    list.remove(index);
                }
                int at = Math.min(index, list.size());
                for (JsonNode added : change.path("add")) {
                    list.add(at++, added.asString());
                }
            }
            default -> {
            }
        }
    }

    private boolean attached(Node node) {
        Node current = node;
        for (int depth = 0; depth < 200 && current != null; depth++) {
            if (current.id == 1) {
                return true;
            }
            current = current.parent == 0 ? null : nodes.get(current.parent);
        }
        return false;
    }

    private void walk(Node node, java.util.function.Consumer<Node> visit, int depth) {
        if (node == null || depth > 200) {
            return;
        }
        visit.accept(node);
        for (int child : node.children) {
            walk(nodes.get(child), visit, depth + 1);
        }
        for (int child : node.virtualChildren) {
            walk(nodes.get(child), visit, depth + 1);
        }
    }

    private void collectText(Node node, StringBuilder text, int depth) {
        if (node == null || depth > 200) {
            return;
        }
        if (node.text != null) {
            text.append(node.text);
        }
        for (int child : node.children) {
            collectText(nodes.get(child), text, depth + 1);
        }
    }

    private void think() {
        if (thinkMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(thinkMillis / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(thinkMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VisitorException("interrupted while thinking", e);
        }
    }

    // --- HTTP ----------------------------------------------------------------------------------------------------

    /** Bodies are read as bytes (the JSON parser reads UTF-8 itself: no string of each answer). */
    private HttpResponse<byte[]> send(String kind, HttpRequest.Builder request, boolean mustSucceed) {
        request.timeout(timeout).header("Accept-Language", acceptLanguage);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (!cookies.isEmpty()) {
            var header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            request.header("Cookie", header.toString());
        }
        requests++;
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            stats.record(kind, System.nanoTime() - start, false);
            throw new VisitorException(kind + " on " + location + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VisitorException(kind + " interrupted", e);
        }
        long elapsed = System.nanoTime() - start;
        boolean ok = response.statusCode() == 200 || !mustSucceed;
        stats.record(kind, elapsed, ok);
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        if (!ok) {
            throw new VisitorException(kind + " on " + location + ": HTTP " + response.statusCode());
        }
        return response;
    }

    private JsonNode parse(byte[] body, int offset) {
        try {
            return JSON.readTree(new ByteArrayInputStream(body, offset, body.length - offset));
        } catch (RuntimeException e) {
            throw new VisitorException("unreadable answer on " + location + ": "
                    + new String(body, offset, Math.min(200, body.length - offset), StandardCharsets.UTF_8), e);
        }
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        return body.length >= prefix.length && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String strip(String route) {
        String path = route.startsWith("/") ? route.substring(1) : route;
        return path;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
