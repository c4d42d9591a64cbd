package cn.gov.eqq.govinfo.devstack;


/** A MongoDB connection string with the database part replaced, so each service gets its own database. */
final class MongoUris {

    private MongoUris() {
    }

    /** {@code mongodb://h:1/?x=y} + {@code scoring} → {@code mongodb://h:1/scoring?x=y}; works for mongodb+srv too. */
    static String withDatabase(String uri, String database) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            throw new IllegalArgumentException("不是 MongoDB 连接串 / not a MongoDB URI: " + uri);
        }
        int hostsStart = scheme + 3;
        int query = uri.indexOf('?', hostsStart);
        int slash = uri.indexOf('/', hostsStart);
        int hostsEnd = slash >= 0 && (query < 0 || slash < query) ? slash : (query >= 0 ? query : uri.length());
        String options = query >= 0 ? uri.substring(query) : "";
        return uri.substring(0, hostsEnd) + "/" + database + options;
    }

    /** First host and port of the URI, for a reachability check ("host:port"); 27017 when no port is given. */
    static String firstHostPort(String uri) {
        String withoutScheme = uri.substring(uri.indexOf("://") + 3);
        int end = withoutScheme.length();
        for (char c : new char[] {'/', '?', ','}) {
            int i = withoutScheme.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        String host = withoutScheme.substring(0, end);
        host = host.substring(host.lastIndexOf('@') + 1);
        return host.contains(":") ? host : host + ":27017";
    }

    static boolean isReachable(String uri) {
        String hostPort = firstHostPort(uri);
        int colon = hostPort.lastIndexOf(':');
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1))), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

}
