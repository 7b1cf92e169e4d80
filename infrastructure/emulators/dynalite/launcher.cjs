// Starts dynalite (same options as its cli.js) and adds the one operation Broadsheet needs that
// dynalite 4.0.0 lacks: TransactWriteItems. Everything else goes to dynalite untouched.
//
// The transaction reuses dynalite's own pieces: its request validations (expression parsing,
// attribute checks) per action, its putItem/updateItem/deleteItem actions to evaluate conditions and
// compute each new item, its per-table item locks, and its index computation. Semantics kept, as
// DynamoDB documents them:
//  - 1 to 100 actions (Put, Update, Delete, ConditionCheck), at most one action per item;
//  - an item held by another transaction (from its start until its writes are on disk) makes this
//    one cancel at once, without waiting: TransactionCanceledException whose CancellationReasons
//    say TransactionConflict for the held items and None for the others. Nothing is written; the
//    caller retries (with backoff) or gives up, as against DynamoDB;
//  - every item is then locked (in one global order) before anything is read; plain
//    PutItem/UpdateItem/DeleteItem take the same locks, so no other write interleaves;
//  - all conditions are evaluated first; if any fails, nothing is written and the answer is
//    TransactionCanceledException with one CancellationReason per action
//    (ConditionalCheckFailed / None);
//  - then every write — items and their index entries — goes to the store in ONE LevelDB batch,
//    which LevelDB applies atomically: a crash (kill -9) leaves all of the transaction on disk or
//    none of it, and a GetItem sees all of it or none of it.
// Not modelled: idempotency tokens (ClientRequestToken is accepted and ignored), capacity, item
// collection metrics, and TransactionConflictException on a plain PutItem/UpdateItem/DeleteItem of
// an item a transaction holds (here such a write waits for the transaction instead).
//
// For tests only, a request header x-broadsheet-hold-ms: N keeps the transaction's items held N ms
// (at most 5 s) before it proceeds, so that a test can force a conflict deterministically.
'use strict'

const path = require('path')
const home = path.join(__dirname, 'node_modules', 'dynalite')
const argv = require(path.join(__dirname, 'node_modules', 'minimist'))(process.argv.slice(2))
const db = require(path.join(home, 'db', 'index.js'))
const validations = require(path.join(home, 'validations', 'index.js'))
const actions = {
  Put: require(path.join(home, 'actions', 'putItem.js')),
  Update: require(path.join(home, 'actions', 'updateItem.js')),
  Delete: require(path.join(home, 'actions', 'deleteItem.js')),
}
const actionValidations = {
  Put: require(path.join(home, 'validations', 'putItem.js')),
  Update: require(path.join(home, 'validations', 'updateItem.js')),
  Delete: require(path.join(home, 'validations', 'deleteItem.js')),
  // A condition check has the shape of a conditional delete (Key + ConditionExpression).
  ConditionCheck: require(path.join(home, 'validations', 'deleteItem.js')),
}

const TARGET = 'DynamoDB_20120810.TransactWriteItems'
const HOLD_HEADER = 'x-broadsheet-hold-ms'
const MAX_HOLD_MS = 5000
const MAX_ACTIONS = 100

// Items held by a transaction in progress: "table\0key" of each, from its start to its commit.
const held = new Set()
const MAX_REQUEST_BYTES = 16 * 1024 * 1024

// dynalite does not expose its store; capture it when its server creates it.
let store
const create = db.create
db.create = function (options) {
  store = create(options)
  return store
}
const server = require(home)(argv)
db.create = create

const dynaliteHandlers = server.listeners('request')
server.removeAllListeners('request')
server.on('request', function (req, res) {
  if (req.method === 'POST' && req.headers['x-amz-target'] === TARGET) {
    const hold = Math.min(MAX_HOLD_MS, Math.max(0, parseInt(req.headers[HOLD_HEADER], 10) || 0))
    return readBody(req, res, function (body) { transactWriteItems(body, res, hold) })
  }
  dynaliteHandlers.forEach(function (handler) { handler.call(server, req, res) })
})

server.listen(argv.port || 4567, argv.host || undefined, function () {
  const address = server.address()
  console.log('Dynalite (with TransactWriteItems) listening at: http://%s:%s', argv.host || 'localhost', address.port)
})

function readBody (req, res, cb) {
  const chunks = []
  let length = 0
  req.on('data', function (chunk) {
    length += chunk.length
    if (length > MAX_REQUEST_BYTES) {
      req.removeAllListeners()
      res.statusCode = 413
      return res.end()
    }
    chunks.push(chunk)
  })
  req.on('end', function () {
    if (length <= MAX_REQUEST_BYTES) cb(Buffer.concat(chunks).toString())
  })
}

function send (res, status, data) {
  const body = JSON.stringify(data)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/x-amz-json-1.0')
  res.setHeader('Content-Length', Buffer.byteLength(body, 'utf8'))
  res.end(body)
}

function sendError (res, err) {
  if (err && err.statusCode) return send(res, err.statusCode, err.body)
  console.error('[launcher] TransactWriteItems failed:', err)
  send(res, 500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: String(err && err.message) })
}

function validationError (message) {
  return db.validationError(message)
}

function transactWriteItems (body, res, holdMs) {
  let data
  try {
    data = JSON.parse(body)
  }
  catch {
    return send(res, 400, { __type: 'com.amazon.coral.service#SerializationException' })
  }
  const items = data && data.TransactItems
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_ACTIONS) {
    return sendError(res, validationError('1 validation error detected: Value at \'transactItems\' failed to satisfy constraint: ' +
      'Member must have length less than or equal to ' + MAX_ACTIONS + ' and greater than or equal to 1'))
  }

  // Validate every action with dynalite's own validations for the matching single-item request.
  const ops = []
  for (const transactItem of items) {
    const kinds = Object.keys(transactItem || {}).filter(function (k) { return actionValidations[k] })
    if (kinds.length !== 1 || Object.keys(transactItem).length !== 1) {
      return sendError(res, validationError('TransactItems can only contain one of Check, Put, Update or Delete'))
    }
    const kind = kinds[0]
    let request = Object.assign({}, transactItem[kind])
    delete request.ReturnValuesOnConditionCheckFailure
    if (kind === 'ConditionCheck' && !request.ConditionExpression) {
      return sendError(res, validationError('ConditionCheck requires a ConditionExpression'))
    }
    try {
      const spec = actionValidations[kind]
      request = validations.checkTypes(request, spec.types)
      validations.checkValidations(request, spec.types, spec.custom, store)
    }
    catch (err) {
      return sendError(res, err)
    }
    ops.push({ kind: kind, request: request })
  }

  loadTables(ops, function (err) {
    if (err) return sendError(res, err)
    const seen = new Set()
    for (const op of ops) {
      const keyAttrs = op.kind === 'Put' ? op.request.Item : op.request.Key
      const invalid = op.kind === 'Put' ? db.validateItem(keyAttrs, op.table) : db.validateKey(keyAttrs, op.table)
      if (invalid) return sendError(res, invalid)
      op.key = db.createKey(keyAttrs, op.table)
      op.id = op.request.TableName + '\u0000' + op.key
      if (seen.has(op.id)) {
        return sendError(res, validationError('Transaction request cannot include multiple operations on one item'))
      }
      seen.add(op.id)
    }
    // Checked and taken in one turn of the event loop: no other transaction can slip in between.
    if (ops.some(function (op) { return held.has(op.id) })) {
      return sendError(res, canceled(ops.map(function (op) {
        return held.has(op.id) ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' } : { Code: 'None' }
      })))
    }
    ops.forEach(function (op) { held.add(op.id) })
    const unhold = function () { ops.forEach(function (op) { held.delete(op.id) }) }
    setTimeout(function () { lockAll(ops, function (release) {
      const done = release(function (err, result) {
        unhold()
        if (err) return sendError(res, err)
        send(res, 200, result)
      })
      evaluate(ops, function (err, reasons) {
        if (err) return done(err)
        if (reasons.some(function (r) { return r.Code !== 'None' })) return done(canceled(reasons))
        apply(ops, function (err) { done(err, {}) })
      })
    }) }, holdMs)
  })
}

function canceled (reasons) {
  return {
    statusCode: 400,
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [' +
        reasons.map(function (r) { return r.Code }).join(', ') + ']',
      CancellationReasons: reasons,
    },
  }
}

function loadTables (ops, cb) {
  let i = 0
  ;(function next (err) {
    if (err) return cb(err)
    if (i === ops.length) return cb()
    const op = ops[i++]
    store.getTable(op.request.TableName, function (err, table) {
      if (err) return cb(err)
      op.table = table
      next()
    })
  })()
}

// Locks every item, one after the other in a global order: two transactions sharing items wait for
// each other instead of deadlocking, and single-item writes (one lock each) cannot deadlock either.
function lockAll (ops, exec) {
  const ordered = ops.slice().sort(function (a, b) {
    const x = a.request.TableName + '\u0000' + a.key, y = b.request.TableName + '\u0000' + b.key
    return x < y ? -1 : x > y ? 1 : 0
  })
  const releases = []
  let i = 0
  ;(function next () {
    if (i === ordered.length) {
      return exec(function (cb) {
        return function () {
          const args = arguments
          // Release in reverse order of acquisition.
          for (let j = releases.length - 1; j >= 0; j--) releases[j](function () {})()
          cb.apply(null, args)
        }
      })
    }
    const op = ordered[i++]
    store.getItemDb(op.request.TableName).lock(op.key, function (release) {
      releases.push(release)
      next()
    })
  })()
}

// Reads each current item and runs dynalite's own action against it in a sandbox that captures the
// resulting item instead of storing it: the condition is checked and the update applied exactly as
// a single-item request would.
function evaluate (ops, cb) {
  const reasons = []
  let i = 0
  ;(function next () {
    if (i === ops.length) return cb(null, reasons)
    const op = ops[i++]
    store.getItemDb(op.request.TableName).get(op.key, function (err, current) {
      if (err && err.name !== 'NotFoundError') return cb(err)
      op.oldItem = err ? undefined : current
      if (op.kind === 'ConditionCheck') {
        const failed = db.checkConditional(op.request, op.oldItem)
        reasons.push(failed ? conditionFailed() : { Code: 'None' })
        return next()
      }
      actions[op.kind](sandbox(op), op.request, function (err) {
        if (err && err.body && /ConditionalCheckFailedException$/.test(err.body.__type)) {
          reasons.push(conditionFailed())
          return next()
        }
        if (err) return cb(err)
        reasons.push({ Code: 'None' })
        next()
      })
    })
  })()
}

function conditionFailed () {
  return { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }
}

function sandbox (op) {
  const itemDb = {
    lock: function (key, exec) { exec(function (cb) { return cb }) },
    get: function (key, cb) {
      if (op.oldItem === undefined) {
        const missing = new Error('NotFound')
        missing.name = 'NotFoundError'
        return cb(missing)
      }
      cb(null, JSON.parse(JSON.stringify(op.oldItem)))
    },
    put: function (key, item, cb) { op.newItem = item; cb() },
    del: function (key, cb) { op.newItem = null; cb() },
  }
  const noIndex = { put: function (k, v, cb) { cb() }, del: function (k, cb) { cb() } }
  return {
    options: store.options,
    getTable: function (name, checkStatus, cb) { (cb || checkStatus)(null, op.table) },
    getItemDb: function () { return itemDb },
    getIndexDb: function () { return noIndex },
  }
}

// Every write of the transaction — items, then their index entries — in one batch on dynalite's
// single LevelDB store, whose sub-stores are key prefixes ('item-<table>~', 'index-<type>~<table>~
// <index>~'; see dynalite's db/index.js getSubDb): LevelDB applies a batch atomically.
function apply (ops, cb) {
  const batch = []
  for (const op of ops) {
    if (op.kind === 'ConditionCheck') continue
    const table = op.table
    const itemKey = 'item-' + table.TableName + '~' + op.key
    batch.push(op.newItem ? { type: 'put', key: itemKey, value: op.newItem } : { type: 'del', key: itemKey })
    for (const indexType of [ 'Local', 'Global' ]) {
      const actions = db.getIndexActions(table[indexType + 'SecondaryIndexes'] || [], op.oldItem, op.newItem, table)
      const prefix = function (index) { return 'index-' + indexType.toLowerCase() + '~' + table.TableName + '~' + index + '~' }
      actions.deletes.forEach(function (action) { batch.push({ type: 'del', key: prefix(action.index) + action.key }) })
      actions.puts.forEach(function (action) { batch.push({ type: 'put', key: prefix(action.index) + action.key, value: action.item }) })
    }
  }
  if (batch.length === 0) return cb()
  store.db.batch(batch, cb)
}
