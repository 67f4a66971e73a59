/*
 * The reference tagger's CRF inference: state scores, Viterbi labels and marginals of one sequence.
 *
 * Why this exists: python-crfsuite's Tagger.set converts every attribute string of every item to a
 * C++ std::string and looks it up in the model's own hash table, a cost per attribute that was a sixth
 * of a compiled parse (bench/parse_speed). Here an item's attributes are looked up in a Python dict
 * (their hashes are cached on the bytes objects, most of which the feature tables share), and the
 * weights are a dense attribute x label matrix read from the tagger's weights file (crf_weights.py).
 *
 * The arithmetic is crfsuite's own (lib/crf/src/crf1d_context.c and crf1d_tag.c), operation for
 * operation, so the labels and the marginals are crfsuite's to the last bit:
 *   - the state score of label l at item t adds, in the item's order, the weight of (attribute, l) of
 *     each attribute the model knows (an attribute twice in an item counts twice; every value is 1.0,
 *     as the tagger's items are plain attribute names, so a weight is added unscaled);
 *   - Viterbi in the log domain, keeping the first of equal scores (a strict "<"), as crfsuite does;
 *   - forward-backward on exp() of the scores, each step scaled to sum to 1 (crfsuite's scale
 *     factors); the marginal of l at t is alpha[t][l] * beta[t][l] / scale[t].
 * An attribute's weights are a dense row of the labels, 0.0 where crfsuite has no feature: adding 0.0
 * changes no score, and the rows of the attributes met most often hold most labels (a row of weights
 * a feature at a time cost more instructions than the whole row).
 * No multiply-add may be fused into one rounding (crfsuite's are not), hence FP_CONTRACT off.
 *
 * The attribute names of the tagger's items are mostly the same few thousand bytes objects over and over
 * (the feature tables' and constants'), but not the objects that key the index, so a dict lookup ends
 * in a comparison of their bytes: a small cache from an object's address to its id (holding a reference
 * to the object, so that no other object can take the address while it is cached) answers most of them.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

#define CACHE_SIZE 4096  /* a power of two */

typedef struct {
    PyObject *name;  /* a strong reference, or NULL */
    Py_ssize_t id;   /* its attribute id, -1 for an attribute the model does not know */
} CacheEntry;

typedef struct {
    PyObject_HEAD
    Py_ssize_t num_labels;
    Py_ssize_t num_attributes;
    PyObject *labels;     /* tuple of str, by label id */
    PyObject *index;      /* dict: attribute -> attribute id (a private copy, checked once) */
    double *state;        /* num_attributes x num_labels: the weight of (attribute, label), 0 for none */
    double *trans;        /* num_labels x num_labels: the weight of (from, to) */
    double *exp_trans;    /* exp() of trans */
    double *work;         /* tag()'s scratch, kept between calls: work_items items' worth */
    int *iwork;
    Py_ssize_t work_items;
    int busy;             /* tag() is running (an attribute's __eq__ could call it again) */
    CacheEntry *cache;    /* CACHE_SIZE entries: attribute ids by the address of an exact bytes name */
} ModelObject;

static uint32_t read_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static double read_f64(const unsigned char *p)
{
    uint64_t bits = 0;
    double value;
    int k;
    for (k = 7; k >= 0; --k) {
        bits = (bits << 8) | p[k];
    }
    memcpy(&value, &bits, sizeof value);
    return value;
}

static void Model_dealloc(ModelObject *self)
{
    Py_ssize_t i;
    if (self->cache != NULL) {
        for (i = 0; i < CACHE_SIZE; ++i) {
            Py_XDECREF(self->cache[i].name);
        }
        PyMem_Free(self->cache);
    }
    Py_XDECREF(self->labels);
    Py_XDECREF(self->index);
    PyMem_Free(self->state);
    PyMem_Free(self->trans);
    PyMem_Free(self->exp_trans);
    PyMem_Free(self->work);
    PyMem_Free(self->iwork);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Model(labels, index, transitions, state_features): labels a tuple of str; index a dict from each
   attribute to its id (0 <= id < len(index)); transitions L*L little-endian float64 (from-major);
   state_features records of (uint32 attribute id, uint32 label id, float64 weight), little-endian, in
   increasing (attribute, label) order. */
static int Model_init(ModelObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"labels", "index", "transitions", "state_features", NULL};
    PyObject *labels, *index, *key, *value;
    Py_buffer trans, feats;
    Py_ssize_t L, A, pos = 0, i, n;
    int ok = -1;

    if (self->labels != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Model is already initialised");
        return -1;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!y*y*", kwlist, &PyTuple_Type, &labels, &PyDict_Type,
                                     &index, &trans, &feats)) {
        return -1;
    }
    L = PyTuple_GET_SIZE(labels);
    A = PyDict_GET_SIZE(index);
    if (L < 1) {
        PyErr_SetString(PyExc_ValueError, "a model needs at least one label");
        goto done;
    }
    for (i = 0; i < L; ++i) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(labels, i))) {
            PyErr_SetString(PyExc_TypeError, "labels must be str");
            goto done;
        }
    }
    if (trans.len != (Py_ssize_t)(L * L * 8)) {
        PyErr_Format(PyExc_ValueError, "transitions: %zd bytes for %zd labels", trans.len, L);
        goto done;
    }
    if (feats.len % 16 != 0) {
        PyErr_SetString(PyExc_ValueError, "state_features: not a whole number of 16-byte records");
        goto done;
    }
    while (PyDict_Next(index, &pos, &key, &value)) {
        Py_ssize_t id;
        if (!PyLong_Check(value)) {
            PyErr_SetString(PyExc_TypeError, "attribute ids must be int");
            goto done;
        }
        id = PyLong_AsSsize_t(value);
        if (id == -1 && PyErr_Occurred()) {
            goto done;
        }
        if (id < 0 || id >= A) {
            PyErr_Format(PyExc_ValueError, "attribute id %zd out of range [0, %zd)", id, A);
            goto done;
        }
    }
    n = feats.len / 16;
    self->state = PyMem_Calloc((size_t)(A > 0 ? A : 1) * (size_t)L, sizeof(double));
    self->trans = PyMem_Calloc((size_t)(L * L), sizeof(double));
    self->exp_trans = PyMem_Calloc((size_t)(L * L), sizeof(double));
    self->cache = PyMem_Calloc(CACHE_SIZE, sizeof(CacheEntry));
    if (self->state == NULL || self->trans == NULL || self->exp_trans == NULL || self->cache == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (i = 0; i < L * L; ++i) {
        self->trans[i] = read_f64((const unsigned char *)trans.buf + 8 * i);
        self->exp_trans[i] = exp(self->trans[i]);
    }
    for (i = 0; i < n; ++i) {
        const unsigned char *p = (const unsigned char *)feats.buf + 16 * i;
        uint32_t a = read_u32(p), l = read_u32(p + 4);
        if ((Py_ssize_t)a >= A || (Py_ssize_t)l >= L) {
            PyErr_Format(PyExc_ValueError, "state feature %zd: attribute %u or label %u out of range", i, a, l);
            goto done;
        }
        if (i > 0 && (a < read_u32(p - 16) || (a == read_u32(p - 16) && l <= read_u32(p - 12)))) {
            PyErr_Format(PyExc_ValueError, "state feature %zd: not after the one before, by attribute then label", i);
            goto done;
        }
        self->state[(size_t)a * (size_t)L + l] = read_f64(p + 8);
    }
    self->index = PyDict_Copy(index);
    if (self->index == NULL) {
        goto done;
    }
    Py_INCREF(labels);
    self->labels = labels;
    self->num_labels = L;
    self->num_attributes = A;
    ok = 0;
done:
    PyBuffer_Release(&trans);
    PyBuffer_Release(&feats);
    return ok;
}

/* The id of an attribute name: -1 for one the model does not know, -2 on an error (set). */
static Py_ssize_t attribute_id(ModelObject *self, PyObject *name)
{
    uintptr_t address = (uintptr_t)name;
    CacheEntry *entry = &self->cache[((address >> 4) ^ (address >> 16)) & (CACHE_SIZE - 1)];
    PyObject *id;
    Py_ssize_t a;

    if (entry->name == name) {
        return entry->id;
    }
    id = PyDict_GetItemWithError(self->index, name);  /* borrowed */
    if (id == NULL) {
        if (PyErr_Occurred()) {
            return -2;
        }
        a = -1;
    }
    else {
        a = PyLong_AsSsize_t(id);  /* checked when the model was made */
    }
    if (PyBytes_CheckExact(name)) {  /* immutable, and its equality is its bytes' */
        Py_INCREF(name);
        Py_XSETREF(entry->name, name);
        entry->id = a;
    }
    return a;
}

/* The state scores of the items: state[t][l] (T x L, zeroed by the caller). */
static int state_scores(ModelObject *self, PyObject *items, Py_ssize_t T, double *state)
{
    const Py_ssize_t L = self->num_labels;
    Py_ssize_t t, k, l;

    for (t = 0; t < T; ++t) {
        PyObject *item = PyList_GET_ITEM(items, t);
        PyObject **names;
        Py_ssize_t n;
        double *restrict s = state + t * L;

        if (!PyList_Check(item) && !PyTuple_Check(item)) {
            PyErr_Format(PyExc_TypeError, "item %zd is not a list of attributes", t);
            return -1;
        }
        names = PySequence_Fast_ITEMS(item);
        n = PySequence_Fast_GET_SIZE(item);
        for (k = 0; k < n; ++k) {
            Py_ssize_t a = attribute_id(self, names[k]);
            const double *restrict w;
            if (a < 0) {
                if (a == -2) {
                    return -1;
                }
                continue;  /* an attribute the model does not know: no weight, as in crfsuite */
            }
            w = self->state + (size_t)a * (size_t)L;
            for (l = 0; l < L; ++l) {
                s[l] += w[l];
            }
        }
    }
    return 0;
}

/* crfsuite's crf1dc_viterbi: the best path into path[0..T-1]. */
static void viterbi(const ModelObject *self, const double *state, Py_ssize_t T, double *score, int *back, int *path)
{
    const Py_ssize_t L = self->num_labels;
    Py_ssize_t i, j, t;
    double max_score;

    for (j = 0; j < L; ++j) {
        score[j] = state[j];
    }
    for (t = 1; t < T; ++t) {
        const double *prev = score + (t - 1) * L;
        double *cur = score + t * L;
        int *b = back + t * L;
        for (j = 0; j < L; ++j) {
            max_score = -DBL_MAX;
            b[j] = 0;  /* kept if no score beats -DBL_MAX (NaN weights): a label, not stale scratch */
            for (i = 0; i < L; ++i) {
                double s = prev[i] + self->trans[i * L + j];
                if (max_score < s) {
                    max_score = s;
                    b[j] = (int)i;
                }
            }
            cur[j] = max_score + state[t * L + j];
        }
    }
    max_score = -DBL_MAX;
    path[T - 1] = 0;
    for (i = 0; i < L; ++i) {
        if (max_score < score[(T - 1) * L + i]) {
            max_score = score[(T - 1) * L + i];
            path[T - 1] = (int)i;
        }
    }
    for (t = T - 1; 0 < t; --t) {
        path[t - 1] = back[t * L + path[t]];
    }
}

/* crfsuite's crf1dc_exp_state, crf1dc_alpha_score and crf1dc_beta_score, then each marginal
   (crf1dc_marginal_point) into marginal[t][l]. */
static void marginals(const ModelObject *self, const double *state, Py_ssize_t T, double *exp_state, double *alpha,
                      double *beta, double *scale, double *row, double *marginal)
{
    const Py_ssize_t L = self->num_labels;
    Py_ssize_t i, j, t;
    double sum;

    for (i = 0; i < T * L; ++i) {
        exp_state[i] = exp(state[i]);
    }
    /* alpha[0][j] = state[0][j], scaled */
    sum = 0.;
    for (j = 0; j < L; ++j) {
        alpha[j] = exp_state[j];
        sum += alpha[j];
    }
    scale[0] = (sum != 0.) ? 1. / sum : 1.;
    for (j = 0; j < L; ++j) {
        alpha[j] *= scale[0];
    }
    /* alpha[t][j] = state[t][j] * sum_i alpha[t-1][i] * trans[i][j], scaled */
    for (t = 1; t < T; ++t) {
        const double *restrict prev = alpha + (t - 1) * L;
        const double *es = exp_state + t * L;
        double *restrict cur = alpha + t * L;
        for (j = 0; j < L; ++j) {
            cur[j] = 0.;
        }
        for (i = 0; i < L; ++i) {
            const double *restrict tr = self->exp_trans + i * L;
            for (j = 0; j < L; ++j) {
                cur[j] += prev[i] * tr[j];
            }
        }
        sum = 0.;
        for (j = 0; j < L; ++j) {
            cur[j] *= es[j];
            sum += cur[j];
        }
        scale[t] = (sum != 0.) ? 1. / sum : 1.;
        for (j = 0; j < L; ++j) {
            cur[j] *= scale[t];
        }
    }
    /* beta[T-1][i] = scale[T-1]; beta[t][i] = scale[t] * sum_j trans[i][j] * state[t+1][j] * beta[t+1][j] */
    for (i = 0; i < L; ++i) {
        beta[(T - 1) * L + i] = scale[T - 1];
    }
    for (t = T - 2; 0 <= t; --t) {
        const double *next = beta + (t + 1) * L;
        const double *es = exp_state + (t + 1) * L;
        double *cur = beta + t * L;
        for (j = 0; j < L; ++j) {
            row[j] = next[j] * es[j];
        }
        for (i = 0; i < L; ++i) {
            const double *tr = self->exp_trans + i * L;
            double dot = 0;
            for (j = 0; j < L; ++j) {
                dot += tr[j] * row[j];
            }
            cur[i] = dot;
        }
        for (i = 0; i < L; ++i) {
            cur[i] *= scale[t];
        }
    }
    for (t = 0; t < T; ++t) {
        for (i = 0; i < L; ++i) {
            marginal[t * L + i] = alpha[t * L + i] * beta[t * L + i] / scale[t];
        }
    }
}

PyDoc_STRVAR(Model_tag_doc,
"tag(items) -> (labels, probabilities, marginals)\n\n"
"items: a list of items, each a list (or tuple) of attribute names; the names the model does not know\n"
"are skipped. Returns the Viterbi label of each item (a list of str), the marginal probability of\n"
"that label at that item (a list of float), and the marginal of every label at every item as bytes of\n"
"native float64, item-major (items x labels), for the caller to read another label's.");

static PyObject *Model_tag(ModelObject *self, PyObject *items)
{
    const Py_ssize_t L = self->num_labels;
    Py_ssize_t T, n, t;
    double *buffer, *state, *score, *exp_state, *alpha, *beta, *scale, *row;
    int *ints, *back, *path;
    PyObject *labels = NULL, *probs = NULL, *all = NULL, *result = NULL;

    if (self->labels == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Model is not initialised");
        return NULL;
    }
    if (!PyList_Check(items)) {
        PyErr_SetString(PyExc_TypeError, "items must be a list");
        return NULL;
    }
    T = PyList_GET_SIZE(items);
    n = T * L;
    labels = PyList_New(T);
    probs = PyList_New(T);
    all = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(double));
    if (labels == NULL || probs == NULL || all == NULL) {
        goto done;
    }
    if (T == 0) {
        result = PyTuple_Pack(3, labels, probs, all);
        goto done;
    }
    if (self->busy) {
        PyErr_SetString(PyExc_RuntimeError, "Model.tag called again while it runs");
        goto done;
    }
    if (T > self->work_items) {  /* the scratch grows to the longest sequence seen */
        double *work = PyMem_Realloc(self->work, (size_t)(5 * n + T + L) * sizeof(double));
        int *iwork;
        if (work == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        self->work = work;
        iwork = PyMem_Realloc(self->iwork, (size_t)(n + T) * sizeof(int));
        if (iwork == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        self->iwork = iwork;
        self->work_items = T;
    }
    buffer = self->work;
    ints = self->iwork;
    memset(buffer, 0, (size_t)n * sizeof(double));  /* the state scores; the rest is written before read */
    self->busy = 1;
    state = buffer;
    score = state + n;
    exp_state = score + n;
    alpha = exp_state + n;
    beta = alpha + n;
    scale = beta + n;
    row = scale + T;
    back = ints;
    path = back + n;

    if (state_scores(self, items, T, state) < 0) {
        self->busy = 0;
        goto done;
    }
    self->busy = 0;  /* no Python code runs from here on */
    viterbi(self, state, T, score, back, path);
    marginals(self, state, T, exp_state, alpha, beta, scale, row, (double *)PyBytes_AS_STRING(all));
    for (t = 0; t < T; ++t) {
        PyObject *label = PyTuple_GET_ITEM(self->labels, path[t]);
        PyObject *p = PyFloat_FromDouble(((double *)PyBytes_AS_STRING(all))[t * L + path[t]]);
        if (p == NULL) {
            goto done;
        }
        Py_INCREF(label);
        PyList_SET_ITEM(labels, t, label);
        PyList_SET_ITEM(probs, t, p);
    }
    result = PyTuple_Pack(3, labels, probs, all);
done:
    Py_XDECREF(labels);
    Py_XDECREF(probs);
    Py_XDECREF(all);
    return result;
}

static PyObject *Model_get_labels(ModelObject *self, void *closure)
{
    (void)closure;
    if (self->labels == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Model is not initialised");
        return NULL;
    }
    Py_INCREF(self->labels);
    return self->labels;
}

static PyObject *Model_get_num_attributes(ModelObject *self, void *closure)
{
    (void)closure;
    return PyLong_FromSsize_t(self->num_attributes);
}

static PyMethodDef Model_methods[] = {
    {"tag", (PyCFunction)Model_tag, METH_O, Model_tag_doc},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Model_getset[] = {
    {"labels", (getter)Model_get_labels, NULL, "the labels, by id", NULL},
    {"num_attributes", (getter)Model_get_num_attributes, NULL, "how many attributes have an id", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyDoc_STRVAR(Model_doc,
"Model(labels, index, transitions, state_features): a linear-chain CRF's weights, for tag().\n\n"
"labels: tuple of str (by label id); index: dict from attribute name to attribute id (0 <= id <\n"
"len(index)); transitions: bytes of L*L little-endian float64, the weight of (from, to) at\n"
"from * L + to; state_features: bytes of 16-byte records, (uint32 attribute id, uint32 label id,\n"
"float64 weight), little-endian.");

static PyTypeObject ModelType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "citecheck.parse.tagger._crf.Model",
    .tp_basicsize = sizeof(ModelObject),
    .tp_dealloc = (destructor)Model_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = Model_doc,
    .tp_methods = Model_methods,
    .tp_getset = Model_getset,
    .tp_init = (initproc)Model_init,
    .tp_new = PyType_GenericNew,
};

static struct PyModuleDef crf_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "citecheck.parse.tagger._crf",
    .m_doc = "The reference tagger's CRF inference (crfsuite's arithmetic), for the weights of crf_weights.py.",
    .m_size = -1,
};

PyMODINIT_FUNC PyInit__crf(void)
{
    PyObject *module;
    if (PyType_Ready(&ModelType) < 0) {
        return NULL;
    }
    module = PyModule_Create(&crf_module);
    if (module == NULL) {
        return NULL;
    }
    Py_INCREF(&ModelType);
    if (PyModule_AddObject(module, "Model", (PyObject *)&ModelType) < 0) {
        Py_DECREF(&ModelType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
