package org.pobox.web;

/** Ends a request with an HTTP status and a short message (Chinese, shown to the user). */
final class WebException extends RuntimeException {

    final int status;

    WebException(int status, String message) {
        super(message);
        this.status = status;
    }

    static WebException unauthenticated() {
        return new WebException(401, "请先登录");
    }

    static WebException forbidden() {
        return new WebException(403, "无权执行此操作");
    }

    static WebException notFound() {
        return new WebException(404, "未找到");
    }

    static WebException badRequest(String why) {
        return new WebException(400, why);
    }
}
